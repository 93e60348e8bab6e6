"""The third development batch of the register corpus (see the package docstring).

Written as a held-out set after the detector was rebuilt on `dev` and
`second_dev`, and measured once: precision 0.91, recall 0.48 for
defensive-or-blaming. Its misses led to more cue families (directing the
reader to evidence, compliance claims, the contract cited as authority,
rebuttals, legal joining the conversation, consequences borne because of the
other side); it has been development data since.
"""

from __future__ import annotations

DEFENSIVE = (
    "Happy to discuss, but I'd point you to the change log we shared in July, which lists "
    "every adjustment and who signed it off.",
    "We followed your instructions to the letter. If the outcome is not what you expected, "
    "the brief may need revisiting.",
    "Our engineers were available throughout the agreed window; the logs confirm no access "
    "attempts from your side.",
    "That commitment was made by your former partner manager and was never formalised with us.",
    "Thanks for the feedback. For context, the timeline you mention assumed sign-off by end of "
    "May, which we only received on 20 June.",
    "Note that we can only support versions listed in the compatibility matrix.",
    "We appreciate your concern; however, the pricing was set out in the quote you accepted in "
    "March.",
    "Our team has acted in good faith throughout and within the framework we both agreed.",
    "I'm afraid we will not be able to accommodate this without a revised order.",
    "This was raised by us in three separate status reports (see 12/04, 26/04 and 10/05), none "
    "of which received a reply.",
    "Your request has been forwarded to our contracts manager, who will respond formally.",
    "As you may recall, the joint decision in the March steering committee was to deprioritise "
    "the mobile app.",
    "We'd also like to note that the SLA targets were met in every month of the quarter.",
    "Per the agreement, we require 30 days' written notice for any change in seat numbers.",
    "With respect, I don't think it's fair to say we weren't responsive; every ticket has a "
    "response within four hours.",
    "Kindly be informed that the warranty does not cover damage resulting from unauthorised "
    "modifications.",
    "The figures in our report are correct and were verified independently, we stand by them.",
    "we did what was asked in the ticket, anything else is new request and must go in the backlog",
    "Before anything else I have to clarify that the integration was certified by your own "
    "security team.",
    "I have asked our head of legal to join the next call given the direction this is taking.",
    "Dear Sir or Madam, we refer to our letter of 14 January and note that the outstanding "
    "invoices remain unpaid.",
    "Sorry, but our hands are tied here: the licence model is set globally and we are not "
    "allowed to make exceptions.",
    "Dear Ms. Chen,\nregarding your complain, we must underline that our service was delivered "
    "according to the agreed SLA in all months.\nKind regards\nYuki Sato",
)

BLAMING = (
    "The report you sent has the wrong currency in every column, again.",
    "Your team promised a fix within 48 hours. That was two weeks ago.",
    "We had to apologise to the customer for your engineer's behaviour on site.",
    "Once more your marketing used our logo without approval.",
    "I'm really frustrated that your side keeps moving the goalposts.",
    "Your pricing mistake cost us the Northwind deal.",
    "Seriously, did anyone on your team even test this before sending it?",
    "Your account manager has not returned a single call this month.",
    "Because your data feed broke on Friday, our dashboards were empty all weekend.",
    "The partner you recommended turned out to be a disaster.",
    "You never told us the product was being discontinued - we found out from a customer.",
    "Thanks to your delays the customer has now gone to a competitor.",
    "ur support team closed my ticket without even reading it",
    "It is disappointing that after six months your consultants still don't understand our "
    "product.",
    "You left us alone with an angry customer on the go-live day.",
    "Your sales team is actively steering customers away from our joint offer.",
    "We expected to see your leads in the CRM last week; there is nothing there.",
    "Who on your side approved sending that email to our customer? It was a disaster.",
    "Your lack of preparation was obvious in front of the client's board.",
    "The integration broke because your developers pushed an untested change on Friday evening.",
    "No, it is not fine. Your team was supposed to migrate the data last week.\n\nOn Mon, 2 Jun "
    "2025 at 09:00, Leo <leo@acme.example> wrote:\n> Hope all is fine on your side!",
)

FORMAL = (
    "Dear Dr. Morales, I am writing to confirm the details of the partner summit on 18 September.",
    "Please find attached our updated certificate of insurance, valid until 31 December.",
    "We are delighted to confirm your participation in the pilot programme.",
    "Enclosed please find the signed confidentiality agreement for your records.",
    "In line with our annual review cycle, the partner scorecard for 2025 is now available.",
    "Kindly provide the names of the attendees for the executive briefing by Friday.",
    "We take pleasure in informing you that the joint solution has been certified.",
    "The next steering committee meeting is scheduled for 9 October at 10:00 CET; the agenda "
    "will follow.",
    "Please be advised that our fiscal year ends on 30 June; purchase orders should be "
    "submitted before that date.",
    "We would appreciate your comments on the draft governance charter by the end of the month.",
    "Our procurement department will contact you to complete the supplier registration.",
    "Attached is the formal invitation to tender, together with the evaluation criteria.",
    "It is with great pleasure that we announce the renewal of our strategic partnership.",
    "Please accept our apologies for the delay in responding to your letter.",
    "We confirm receipt of your proposal and will revert after internal review.",
    "The terms of reference for the joint working group are attached for approval.",
    "May I kindly ask you to update the contact details in the partner directory.",
    "Respectfully, we propose to move the quarterly review to the first week of November.",
    "Further to the steering committee's decision, the joint roadmap has been updated accordingly.",
    "Dear colleagues, please note that the partner portal will migrate to a new domain on 1 March.",
)

WARM = (
    "Amazing effort from your team this week, the customer is over the moon.",
    "Thank you for making time for us in such a busy week, it really helped.",
    "Loved working on this with you, let's do the next one together too!",
    "Happy birthday Jana! Hope you have a great day.",
    "Your demo at the roadshow was the highlight for many of our customers.",
    "We really value your candour and your commitment, thank you.",
    "Fantastic to see the first joint customer live, congrats everyone!",
    "Thanks for the lovely welcome in Copenhagen, we felt right at home.",
    "Great teamwork on the RFP, fingers crossed!",
    "What a great session, thank you for sharing your insights so openly.",
    "Cheers for sorting that out so quickly, you're a lifesaver.",
    "The whole team sends their thanks for the wonderful hospitality.",
    "So happy to be working with you again on this.",
    "Brilliant, thanks a million!",
    "We couldn't have asked for a better partner this year.",
    "Thanks so much for the introduction, Maria was lovely and very helpful.",
    "Really impressed by how your team handled the incident, calm and professional.",
    "Wishing you a restful holiday season and a great start to the new year!",
    "Nice work on the case study, the customer quote is perfect.",
    "Thank you, this is exactly the kind of collaboration we hoped for.",
    "Thank you all for a wonderful partner day!\n\nBest wishes,\nSofia\nSofia Rinaldi | "
    "Alliances Director | Fabrikam\nThis email may contain confidential information. If you "
    "are not the intended recipient, please delete it.",
)

PLAIN = (
    "Can you check whether the customer has signed the order form?",
    "The webinar registration link is below.",
    "We'll send the draft agenda tomorrow morning.",
    "Do you know who handles billing questions on your side?",
    "Moving our 1:1 to next week, I'm off on Thursday.",
    "The customer has asked for a quote for 50 additional seats.",
    "Here is the recording of yesterday's call.",
    "Is there a limit on the number of users per tenant?",
    "I've updated the shared tracker with the latest numbers.",
    "Please send the logo in SVG format if you have it.",
    "Our legal needs the DPA signed before the pilot, can you circulate it?",
    "Let me know when the sandbox is ready.",
    "We have two new consultants starting next month.",
    "Can we add the renewal to the agenda for the QBR?",
    "Sure, no problem.",
    "The customer's go-live moved to 3 November.",
    "Attaching the signed NDA.",
    "Could you remind me of the partner discount level for tier 2?",
    "We're waiting for the customer's approval, should have it by Friday.",
    "Noted - I'll update the slide.",
    "Thanks, will do.\n\n> From: Mark\n> Per my last email, we need this by Monday or we cannot "
    "proceed.",
)

THIRD_DEV: tuple[tuple[str, str], ...] = (
    *(("defensive", t) for t in DEFENSIVE),
    *(("blaming", t) for t in BLAMING),
    *(("formal", t) for t in FORMAL),
    *(("warm", t) for t in WARM),
    *(("plain", t) for t in PLAIN),
)
