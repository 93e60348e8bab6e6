"""The second development batch of the register corpus (see the package docstring).

Written as a held-out set after the detector was first built on `dev`, and
measured once: precision 0.85, recall 0.28 for defensive-or-blaming. The cues
were too close to the first batch's phrasings; the detector was then
generalised (cue families rather than phrases) with this batch as
development data, and a new held-out set was written (held_out.py).
"""

from __future__ import annotations

DEFENSIVE = (
    "Just flagging that the onboarding materials went out on the date we committed to. If "
    "something is missing, it wasn't on the list we received.",
    "Our records show the credentials were shared with your admin on 2 June at 14:05.",
    "We're happy to look at it, but to be transparent, customisations of that kind have always "
    "been billable under our partner terms.",
    "I'll need a confirmation from your VP in writing before my team touches the production data.",
    "Respectfully, the slippage traces back to the late architecture decision, which was not "
    "ours to make.",
    "As outlined in the onboarding guide you received in January, certification is a "
    "prerequisite for deal registration.",
    "Our position has not changed since the letter we sent last month.",
    "Please direct any further questions on liability to our general counsel, Ms. Duarte.",
    "i think there is some misunderstanding, the 24/7 support was never in the offer. pls "
    "check page 6 of the proposal you signed",
    "We will of course continue to honour the agreement, but only to the extent it is actually "
    "written down.",
    "The acceptance test was passed on 11 October and confirmed by your team by email, so from "
    "our perspective the milestone is complete.",
    "To be clear, we have not received any formal notice of termination, so the current terms "
    "continue to apply.",
    "I've attached the thread from February where this exact point was settled.",
    "Any deviation from the agreed roadmap would have to go through the joint steering "
    "committee, not through individual requests.",
    "Thank you for raising this. Our procurement colleagues have been copied and will take it "
    "from here.",
    "It was made very clear at kick-off that hosting costs sit with the reseller.",
    "Please don't misunderstand me, we value the partnership, but we delivered precisely what "
    "the contract asked for and nothing was left open.",
    "We trust you will appreciate that we cannot deviate from the standard terms without "
    "approval from our board.",
    "Let me reiterate: the discount was a one-time gesture and does not set a precedent.",
    "Kindly refer to the attached correspondence, from which it is evident that the scope was "
    "frozen in April.",
    "Hi Sam,\n\nas confirmed by your procurement on 3 March, the order covers 200 seats and not "
    "250. We cannot change an order after it has been placed.\n\nThanks,\nKim\n\nKim Ortega\n"
    "Senior Partner Manager\nContoso Ltd\nmobile +1 555 0100",
    "Like already written in my mail from Monday, we are not the responsible for the hosting, "
    "this is clearly on reseller side.",
)

BLAMING = (
    "Your numbers don't add up again and we had to redo the whole forecast ourselves.",
    "Three weeks and still no reply from your architect. We can't work this way.",
    "The install guide your team wrote is outdated and cost our engineers two days.",
    "Why does your support keep closing our tickets without a fix?",
    "It was your decision to skip the pilot, and now the customer is walking away.",
    "To be honest, the demo your consultant gave was embarrassing in front of the client.",
    "you guys forgot to invite us to the customer call. again.",
    "Thanks for nothing - your reseller undercut our price at the bank tender.",
    "Honestly we are fed up with the constant excuses from your account team.",
    "Your last-minute cancellation left us without a speaker at the summit.",
    "The bugs your QA didn't catch ended up in production at two of our customers.",
    "You haven't even looked at the proposal we sent in March, have you?",
    "Every single time we escalate, your managers point at someone else.",
    "Your reps pushed the customer into a licence they don't need, and we are left cleaning up.",
    "Not a single lead from your marketing campaign was qualified.",
    "Your company's silence on this is telling.",
    "We are waiting since two months on your feedback, this is not serious from your side.",
)

FORMAL = (
    "Dear Mr. Osei, thank you for your letter of 2 October. We will review the proposal and "
    "respond in due course.",
    "Please find enclosed the countersigned amendment for your files.",
    "We are pleased to inform you that your organisation has been accepted into the Gold tier.",
    "Further to your request, the certification exam can be taken at any of our regional centres.",
    "The annual partner survey is now open; we would be grateful for your participation.",
    "In accordance with clause 9, the price list for the coming year is attached for your "
    "information.",
    "Kindly let us know whether the proposed date of 12 May is convenient for your delegation.",
    "Our legal department has prepared a draft of the data sharing addendum, attached for your "
    "comments.",
    "We wish to confirm the appointment of Mr. Tanaka as your designated partner manager.",
    "The steering committee will convene on 4 April; the formal agenda follows under separate "
    "cover.",
    "Please be advised that the partner conference will take place in Porto this year.",
    "We respectfully request an extension of the submission deadline by one week.",
    "The revised statement of work reflects the changes discussed and is ready for signature.",
    "Should you require any further information regarding the audit, please do not hesitate to "
    "contact me.",
    "We acknowledge with thanks the receipt of the signed partner agreement.",
    "Dear colleagues, it is my pleasure to invite you to the formal opening of our new office.",
)

WARM = (
    "You're a star, thank you for staying late to get the release out!",
    "The customer called just to say how impressed they were with your consultants.",
    "Loving the new co-branded landing page, great teamwork.",
    "Thanks again for dinner last night, it was a lot of fun.",
    "Couldn't be happier with how the joint launch went. Onwards!",
    "Your patience with our new hires has been incredible, many thanks.",
    "Big thank you to everyone who helped us win the tender!",
    "It's always a pleasure to work with your team, you make everything easier.",
    "Hope the move to the new office went smoothly, let me know if we can help.",
    "Congratulations on the promotion, well deserved!",
    "We're so proud of what we achieved together this year.",
    "Really looking forward to the offsite, the agenda looks great.",
    "The workshop exceeded all expectations, thank you for hosting us.",
    "Cheers for the intro to Fabrikam, the call went really well.",
    "gr8 job on the webinar, lots of positive comments in the chat",
    "Thank you so much, your help with the certification was invaluable.",
    "Sounds good, talk soon!\n\nOn Wed, 5 Mar 2025, Dana <dana@acme.example> wrote:\n> Your "
    "team missed the deadline again. This is unacceptable.",
)

PLAIN = (
    "Can you send me the latest version of the pricing sheet?",
    "The customer wants to go live on the 15th, does that work for your team?",
    "Call moved to Wednesday same time.",
    "Adding Lee from our solutions team to this thread.",
    "I'll be in Madrid next week if you want to meet.",
    "The numbers for October: 14 leads, 3 opportunities, 1 win.",
    "Do you have a template for the joint case study?",
    "Got it, thanks.",
    "Can we get access to the beta environment for two more engineers?",
    "The slides from today's session are on the shared drive.",
    "Let's use the same dial-in as last time.",
    "Quick reminder that the quarterly numbers are due Friday.",
    "We're still waiting on the customer's security team, no news yet.",
    "Is the API change backwards compatible?",
    "Re the contract: our legal will send comments by Tuesday.",
    "Please update the opportunity in the portal when you get a chance.",
    "Yes, 10am works.\n\nThis message and any attachments are confidential and intended solely "
    "for the addressee. If you have received this message in error, please notify the sender "
    "and delete it. The company accepts no liability for any errors or omissions.",
)

SECOND_DEV: tuple[tuple[str, str], ...] = (
    *(("defensive", t) for t in DEFENSIVE),
    *(("blaming", t) for t in BLAMING),
    *(("formal", t) for t in FORMAL),
    *(("warm", t) for t in WARM),
    *(("plain", t) for t in PLAIN),
)
