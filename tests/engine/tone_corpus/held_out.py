"""The held-out part of the register corpus (see the package docstring).

Written last, after the detector was built on the four development batches,
with other situations, people and turns of phrase, and hard negatives (plain
mail that says "won't" or "not yet", formal mail about rules and notice). The
detector was measured on it once and not tuned to it.
"""

from __future__ import annotations

DEFENSIVE = (
    "We hear you, but the onboarding fee was part of the package you chose, so it stays.",
    "Our SRE team was on the bridge within ten minutes, as the incident timeline shows.",
    "Our recollection of the workshop is different: nobody on our side agreed to a free extension.",
    "Any decision on pricing sits with our regional director, not with me, so I can't commit "
    "to anything today.",
    "Happy to take this offline, but I want to make sure it's understood that we flagged the "
    "risk back in April.",
    "The launch date was a joint call. It's not reasonable to hold us solely accountable for it.",
    "We've been transparent at every stage and shared all status reports on time.",
    "Could you please confirm in writing that your team accepts the revised timeline before we "
    "allocate engineers?",
    "We'd rather keep all communication on this topic in email from now on, so there is a "
    "clear trail.",
    "The functionality you describe was explicitly listed as out of scope in the project charter.",
    "Our lawyers are reviewing your message and will come back to you.",
    "Please refrain from contacting our customers directly; this is covered by the "
    "non-solicitation clause.",
    "We delivered on every KPI that was in the plan. The plan itself is another discussion.",
    "For completeness, I attach the sign-off sheet with your signature from 9 May.",
    "We object to the statement in your QBR deck that our support response times were slow.",
    "Bitte beachten: as written already in our offer, installation on site is not included.",
    "We've done everything we reasonably could; the rest depends on your team.",
    "Just to be fair to my team, they worked the whole weekend to meet the date you asked for.",
    "Under the terms of our agreement, we are under no obligation to provide the source code.",
    "I think the minutes speak for themselves.",
    "Hi Mia,\n\nnoted. However please keep in mind that per the SOW the acceptance period is 10 "
    "working days, after which the deliverable is deemed accepted.\n\nBR\nJonas\n\n--\nJonas "
    "Berg | Delivery Lead",
)

BLAMING = (
    "We were told the integration was production-ready. It clearly wasn't.",
    "Your onboarding process is so slow that our customers give up halfway.",
    "It's the second quarter in a row your forecast was off by half.",
    "Your side didn't even bother to send a representative to the steering committee.",
    "How is it possible that your team still has no test environment after four months?",
    "The customer is furious because your support engineer told them it was our bug.",
    "Your pricing team has made it impossible for our sellers to compete.",
    "We keep fixing problems that your implementation created.",
    "Your CFO's decision to freeze the fund killed three of our campaigns.",
    "You overpromised to the customer and now we have to deliver the impossible.",
    "Nothing you committed to at the kickoff has happened.",
    "Your people treat our escalations like spam.",
    "I'm disappointed that your team shared our roadmap with a competitor.",
    "You cancelled the joint event two days before, after we had paid the venue.",
    "Your documentation is so poor that our engineers had to reverse-engineer the API.",
    "Thanks to your team's radio silence we missed the tender deadline.",
    "Not impressed, to be honest: your team was unprepared and it showed.",
    "the licences u sent are for the wrong product AGAIN",
    "Again no answer on this.\n\nOn Fri, 6 Jun 2025 at 16:00, Olivia <olivia@ours.example> "
    "wrote:\n> Hi team, could you confirm the test dates?",
)

FORMAL = (
    "Dear Ms. Haddad, we are writing to confirm the appointment of our new alliance director.",
    "Please find attached the draft memorandum of understanding for your consideration.",
    "We would be obliged if you could return the signed documents by 30 April.",
    "The quarterly business review will take place at our headquarters; further details will "
    "follow.",
    "In accordance with the programme rules, partners must complete two certifications per year.",
    "It is our pleasure to invite you to the annual partner gala on 5 December.",
    "We confirm that the amendment to the reseller agreement has been registered.",
    "Dear colleagues, kindly note the revised schedule for the joint training sessions.",
    "The partner agreement is renewed automatically unless either party gives notice.",
    "Should you have any questions about the new tier structure, our partner team is at your "
    "disposal.",
    "Please accept this letter as confirmation of our participation in the consortium.",
    "We hereby grant your organisation the right to use our logo in the joint brochure.",
    "Attached please find the audit certificate as requested by your compliance department.",
    "The steering committee has approved the budget for the next fiscal year.",
    "With kind regards from the whole alliance team, and thank you for your cooperation.",
    "The meeting minutes will be circulated for review within five working days.",
)

WARM = (
    "You absolutely nailed the keynote, the room loved it!",
    "A big thank you for your patience while we sorted out the billing.",
    "Such a joy to work with people who care so much.",
    "Thank you for trusting us with your biggest customer.",
    "We miss having you on the project, hope the new role is treating you well!",
    "Good luck with the launch tomorrow, we're rooting for you!",
    "Great to hear the customer renewed, fantastic job by everyone.",
    "Thanks for the warm welcome at the kickoff, really looking forward to this.",
    "Thanks heaps for the help with the demo environment!",
    "Your team's ideas made the proposal so much stronger.",
    "Have a lovely weekend and thanks for a great week!",
    "Congratulations on ten years of partnership, here's to the next ten!",
    "It was great catching up, thanks for the coffee.",
    "Much appreciated, thanks for keeping us in the loop.",
    "This is wonderful news, thank you for pushing it through.",
    "Thank you again for everything, you've been a great partner.",
    "Lovely, thank you both!\n\nKind regards,\nTom\n\nThe information in this email is "
    "confidential and may be legally privileged.",
)

PLAIN = (
    "Can't open the attachment, could you send it as PDF?",
    "No news from the customer yet, will chase tomorrow.",
    "The meeting room is booked for 10-12.",
    "We won't need the projector.",
    "The contract is with our legal, should be back next week.",
    "I'll be on holiday from the 5th to the 20th, Sam is the backup.",
    "Can you share the latest version of the joint deck?",
    "We have not received the invoice yet, could you resend it?",
    "Is the customer on the old or the new pricing?",
    "Next steps: we draft the SOW, you review by Friday.",
    "The demo environment will be reset tonight.",
    "Who is the right contact for the marketing fund?",
    "Let me check with our product team and come back to you.",
    "Here's the link to the recording.",
    "The renewal is due in March, let's discuss it in the QBR.",
    "Apologies, I sent the wrong file. The right one is attached.",
    "Perfect, thanks!\n\n-----Original Message-----\nFrom: Legal <legal@acme.example>\nSent: "
    "Tuesday\nSubject: Notice\n\nWe reserve all rights under the agreement.",
)

HELD_OUT: tuple[tuple[str, str], ...] = (
    *(("defensive", t) for t in DEFENSIVE),
    *(("blaming", t) for t in BLAMING),
    *(("formal", t) for t in FORMAL),
    *(("warm", t) for t in WARM),
    *(("plain", t) for t in PLAIN),
)
