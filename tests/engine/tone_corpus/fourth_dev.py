"""The fourth development batch of the register corpus (see the package docstring).

Written as a held-out set after the detector was rebuilt on the first three
batches, and measured once: precision 0.92, recall 0.48 for
defensive-or-blaming. Its misses led to the last cue families (absolute claims
about one's own side, refusing to accept a claim, rebuttal framing,
responsibility placed on the other side's request or ownership, a broader
vocabulary of failure); it has been development data since.
"""

from __future__ import annotations

DEFENSIVE = (
    "Hi Rob, we looked into it. The connector behaves exactly as documented in the integration "
    "spec v2.1, section 3. Happy to walk you through it.",
    "I understand the frustration, but the decision to go live without a load test was made on "
    "your side, against our recommendation.",
    "Let's not rewrite history: the pilot scope was reduced at your request in February.",
    "We have met all our contractual commitments for this quarter and will continue to do so.",
    "Our quote clearly says 'excluding travel'. We're not going to absorb those costs.",
    "Just a gentle reminder that the discounts only apply to deals registered through the portal.",
    "Per section 12.3, either party needs to give 90 days notice, which we did on 1 February.",
    "The dashboard was delivered on the 15th as planned; the missing data comes from the feed "
    "your IT team owns.",
    "We are surprised by this claim, since no issue was ever reported to our support desk.",
    "In view of the above, we would ask that any further requests be submitted in writing to "
    "the alliance office.",
    "I would appreciate it if future escalations went through me rather than directly to our CEO.",
    "Please find attached our written response to the points raised in your email of 3 July.",
    "sorry but this is not what we signed up for, the joint marketing fund was capped at 20k "
    "from the start",
    "To set the record straight: our team attended every single working group session this year.",
    "I need to push back here. Nowhere in the agreement does it say we provide first-level "
    "support.",
    "We are obliged to follow our internal compliance rules and therefore cannot share customer "
    "data with partners.",
    "Regarding your comment in the QBR, the renewal rate is in line with what both sides "
    "forecast last year.",
    "Our legal team will reply to your letter in due course. Until then we won't comment further.",
    "The delay is the consequence of the late change in requirements, as we flagged in the "
    "risk log at the time.",
    "We would like to remind all parties that the roadmap was approved jointly in the last "
    "steering committee.",
    "We consider our part of the action plan completed and await your deliverables.",
    "I don't accept that characterisation. We responded to every request within the agreed "
    "timeframe.",
    "If the numbers don't match, I suggest you check your own reporting first; ours have been "
    "audited.",
    "Kind reminder: according to the partner agreement, co-branded material needs our written "
    "approval before publication.",
    "Hello Paul,\n\nthank you for your mail. We have to inform you that the requested changes "
    "are not covered by the current support contract. We will gladly send you an offer.\n\n"
    "Mit freundlichen Grüßen / Kind regards\nHans Weber\nTeam Lead Partner Support\n\nDiese "
    "E-Mail enthält vertrauliche Informationen.",
)

BLAMING = (
    "The training your team delivered was a waste of everyone's time.",
    "We are still missing the signed order from your procurement, and the customer is getting "
    "nervous.",
    "Your engineers left the customer environment in a broken state.",
    "Yet another QBR where your side shows up without any numbers.",
    "It's hard to work with someone who never answers the phone.",
    "Your team's sloppy handover means we are starting from scratch.",
    "Why are we always the last to hear about your product changes?",
    "You've now postponed the launch three times.",
    "Your marketing team's webinar promised features that don't exist yet, and our sellers got "
    "the angry calls.",
    "The escalation went nowhere because your manager was on holiday and nobody covered.",
    "Frankly, your pricing proposal is insulting after everything we have invested.",
    "Your partner portal has been down for two days and no one has told us anything.",
    "I asked you twice for the reference customer list and got nothing.",
    "Your consultant billed the customer for hours he didn't work, and they are blaming us.",
    "This wouldn't have happened if your team had read the runbook.",
    "you said it would be ready by monday, its wednesday now and still nothing",
    "The customer churned, and your lack of follow-up is a big part of the reason.",
    "We are losing patience with your team's constant excuses.",
    "Your reseller gave the customer a price we never approved.",
    "Once again your invoice is wrong and we have to send it back.",
    "Your project manager keeps changing the scope without telling us.",
    "Nobody on your side seems to care whether this launch succeeds.",
    "Sorry to be blunt, but your team dropped the customer on the day they needed you most.",
)

FORMAL = (
    "Dear Mr. Lindqvist, we are pleased to enclose the final version of the joint business plan.",
    "Please be informed that the annual partner fee is due on 31 March in accordance with the "
    "agreement.",
    "We kindly request that you confirm your attendance at the partner advisory board.",
    "Further to the resolution of the steering committee, we will proceed with the second phase.",
    "The countersigned contract amendment is attached; one original will follow by post.",
    "With reference to your enquiry of 2 May, the requested certification is available upon "
    "completion of the course.",
    "We hereby notify you of the change of our registered address, effective 1 August.",
    "Our compliance officer will contact you to schedule the annual data protection audit.",
    "Please note that all partner agreements are subject to an annual review in September.",
    "It is our pleasure to confirm that your company has achieved Premier status.",
    "We respectfully request a meeting with your leadership to discuss the next phase of our "
    "cooperation.",
    "Kindly find attached the minutes of the meeting held on 14 June for your approval.",
    "The formal notice regarding the price adjustment will be sent by our finance department.",
    "We acknowledge your letter and thank you for bringing this matter to our attention.",
    "As stipulated in the framework agreement, the joint account plan will be reviewed each "
    "half year.",
    "Should you wish to nominate an alternate representative, please inform the alliance office.",
    "Enclosed herewith is the invoice for the co-marketing activities in the second quarter.",
    "Dear partners, the call for proposals for the innovation fund is now open.",
    "Please advise whether your organisation intends to renew the agreement for a further term.",
    "We have received your purchase order and will process it within the agreed timeframe.",
    "The governance charter was approved unanimously by the steering committee.",
    "On behalf of the executive team, I would like to express our appreciation for your "
    "continued partnership.",
)

WARM = (
    "Just wanted to say your team has been fantastic on this rollout.",
    "The customer's CIO singled out your architect for praise, well done!",
    "Thank you for going the extra mile again this quarter.",
    "Hey Omar, great to see you at the conference, let's grab lunch soon.",
    "Honestly the best partner workshop we've had, thank you!",
    "Thanks a ton for covering for us while Anna was out, much appreciated.",
    "So pleased with the results of the joint campaign, the numbers are great.",
    "Merry Christmas and thank you for a fantastic year together!",
    "Can't thank you enough for the support during the audit.",
    "Really nice working with you, looking forward to the next project.",
    "The new integration is working beautifully, thanks to all involved.",
    "Delighted to welcome your team to our offices next week!",
    "Thank you for the thoughtful feedback, it will make the product better.",
    "Well done on closing the Globex deal, a real team effort.",
    "You made the onboarding so easy for our new sellers, thank you.",
    "Thanks again, you're always so responsive.",
    "Congrats to you and the team on the award, so well deserved!",
    "Such a productive day, thank you for hosting and for the great food.",
    "Thank you, we're really grateful for your flexibility on the dates.",
    "Looking forward to building on this success together in the new year.",
    "Your team's enthusiasm is contagious, the customer loved the session.",
    "Huge thanks for the quick turnaround on the proposal!",
    "Thank you so much! This made my week.\n\n--\nLena Park\nPartner Marketing",
)

PLAIN = (
    "I can't make Tuesday, can we do Wednesday instead?",
    "The customer doesn't need the premium tier, standard is enough.",
    "We don't have a reference in retail yet, do you?",
    "Not sure who owns this on our side, I'll find out.",
    "The training materials are attached, let me know if you need the source files.",
    "Can your team join the kickoff with the customer on the 9th?",
    "The new price list takes effect in April.",
    "Please send me the invoice for the workshop.",
    "We're still waiting for the customer's IT to open the firewall.",
    "Does the licence include the mobile app?",
    "I've put the contract renewal on the agenda for next week.",
    "We'll need the final headcount by Friday for the catering.",
    "The integration test passed on staging.",
    "Can you send the updated forecast before the steering committee?",
    "Thanks, got it.",
    "Approval from our finance team came through this morning.",
    "Which version of the API are you on?",
    "I'm off tomorrow, back on Monday.",
    "Could you add the case study to the partner portal?",
    "The customer asked again about the roadmap for SSO.",
    "We have no budget left for Q4 events, unfortunately.",
    "Sorry, I missed your call. Free after 3pm.",
    "ok see you there\n\nOn 3 Mar 2025, at 10:12, Rita <rita@acme.example> wrote:\n> We cannot "
    "accept this. As stated in the contract, the fee is due now.",
)

FOURTH_DEV: tuple[tuple[str, str], ...] = (
    *(("defensive", t) for t in DEFENSIVE),
    *(("blaming", t) for t in BLAMING),
    *(("formal", t) for t in FORMAL),
    *(("warm", t) for t in WARM),
    *(("plain", t) for t in PLAIN),
)
