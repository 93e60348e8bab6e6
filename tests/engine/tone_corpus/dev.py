"""The development part of the register corpus (see the package docstring)."""

from __future__ import annotations

DEFENSIVE = (
    "As stated in my email of 12 March, the integration scope was limited to the REST "
    "endpoints. Anything beyond that would require a change request.",
    "Per my last email, we delivered the connector on the agreed date. Please refer to the "
    "attached delivery note.",
    "We would like to remind you that the SOW does not include data migration. We cannot start "
    "that work without a signed change order.",
    "For the record, our team met every milestone in the project plan. The delay originated "
    "elsewhere.",
    "Please note that any changes to the timeline need to be approved in writing by both "
    "parties before we can proceed.",
    "We have looped in our legal department to review the obligations under section 7.2 of "
    "the agreement.",
    "With all due respect, this was never part of the agreed scope.",
    "As previously communicated, pricing is fixed until the renewal date as per our contract.",
    "Kindly note that we are not in a position to commit resources until we receive a formal "
    "purchase order.",
    "The requirements were changed after sign-off. The resulting delay cannot be attributed to "
    "our side.",
    "Our obligations under the partnership agreement have been fulfilled in full. We consider "
    "this matter closed.",
    "I must insist that we follow the agreed governance process; ad hoc requests by phone "
    "cannot be accepted going forward.",
    "As I already explained in our call on Tuesday and again in writing, the API limits are "
    "documented in Annex B.",
    "To avoid any misunderstanding, please send your request through the official partner "
    "portal so it is properly recorded.",
    "Going forward, all requests must be submitted via email with the account manager in "
    "copy, in line with the contract.",
    "hi, as per our agreement the training sessions were optional. we never commited to "
    "deliver them on site",
    "We are not responsible for outages caused by third-party integrations, as clearly stated "
    "in clause 11.",
    "Attached you find again the minutes of 4 Feb which both parties signed. The deliverable "
    "list is final.",
    "This has been escalated to our procurement team, who will get back to you regarding the "
    "contractual position.",
    "Before we go further I'd like to have it in writing who approved the change, as nobody on "
    "our side did.",
    "We reserve the right to invoice the additional hours according to the rate card in "
    "Appendix C.",
    "Our understanding, which is documented in the signed statement of work, is that testing "
    "is the customer's responsability.",
    "Please be advised that our team delivered all items listed in the acceptance criteria on "
    "30 September.",
    "Like I said twice before, the license terms do not allow resale outside EMEA. Please check "
    "the agreement.",
    "According to the meeting minutes of 3 May, the decision to postpone the launch was taken "
    "jointly.",
    "We kindly ask you to respect the agreed escalation path and to not contact our engineers "
    "directly anymore.",
    "The specs were provided late, which is the reason why the sprint could not be completed "
    "as planned.",
    "Without a signed amendment we are unfortunately unable to proceed with the additional "
    "features.",
    "I would like to point out that the deadline was agreed upon in writing by your project lead.",
    "It is important to note that the original timeline assumed your team would deliver the "
    "test data by week 12.",
    "We have documented every request from your side in the tracker; you will see that all "
    "were answered within SLA.",
    "Please understand that this request falls outside of the contractually agreed support hours.",
    "As discussed on multiple occasions, we require formal sign-off from your steering "
    "committee before any release.",
    "Our management has asked that all further communication on this topic goes through our "
    "legal counsel.",
    "Once more for clarity: the fee structure was accepted by your side on 14.06., see attachment.",
    "We did our part exactly as specified. Any further work will be charged as a change "
    "request per the MSA.",
    "Thanks for your note. Just to keep things on record, the integration was handed over on "
    "the 2nd as agreed and signed off by your QA lead.",
    "Happy to help of course, but we need to stick to the process: please raise a formal change "
    "request and we will assess it.",
    "Thank you. We acknowledge receipt of your complaint and will respond once our contracts "
    "team has reviewed the matter.",
    "Dear Mr. Keller,\n\nfurther to my email dated 2 April, I must again stress that the delay "
    "is not due to any action on our part.\n\nYours sincerely,\nDr. Petra Lang\nHead of "
    "Alliances",
    "Dear Tom,\n\nwith reference to my email of 3 March, I would like to point out once more "
    "that the data migration was never part of the contract.\n\nBest regards,\nAnja Berger\n"
    "Head of Partner Operations\nAcme GmbH | +49 30 1234567",
    "Thank you for your patience. As clearly agreed in the contract, the additional features "
    "are not included. We appreciate your understanding.",
    "Hello,\nwe confirm that we have received your request. However we have to inform you that "
    "according to our agreement such adaptions are not foreseen and must be ordered "
    "separately.\nBest regards\nMarek",
    "Am 03.03.2025 um 10:00 schrieb Olivia <olivia@ours.example>:\n> Could you join the call "
    "on Friday?\n\nNo. As we told you already, we only attend meetings that were scheduled "
    "through the steering committee.",
)

BLAMING = (
    "You failed to send the test accounts again, so the demo had to be cancelled.",
    "Your team still hasn't delivered the API keys we asked for three weeks ago.",
    "This is the third time your engineers missed the integration window. Unacceptable.",
    "Because of your late feedback we now have to move the launch.",
    "We are very disappointed with your company's lack of commitment to this project.",
    "How many times do we need to ask for the same report?",
    "Your side dropped the ball on the marketing campaign and it shows in the numbers.",
    "The outage was caused by your misconfigured gateway, not by our service.",
    "Nobody from your team showed up to the workshop, again.",
    "honestly this is a mess, ur people keep ignoring the tickets we open",
    "You were supposed to send the forecast on Monday. It is now Thursday.",
    "Once again the data you sent is incomplete and full of errors.",
    "We cannot continue like this. Your repeated delays are putting the whole partnership at risk.",
    "It's frankly not acceptable that your sales reps are still pitching the competitor's "
    "product to our joint customers.",
    "The customer complained to us about your support, and rightly so.",
    "Still waiting on your answer regarding the pricing. This is holding everything up.",
    "You promised the feature for Q2 and didn't deliver, now our customers are angry.",
    "The root cause was your team's change to the schema without telling anyone.",
    "Your people never read the documentation we send, and then complain that things don't work.",
    "Frankly we expected more from a partner of your size. The quality of the last release was "
    "poor.",
    "If your side had done the testing as agreed, we wouldn't be in this situation.",
    "The responsibility for this failure clearly lies with your project management.",
    "You keep changing priorities every week, it is impossible to plan anything with you.",
    "We did not receive any leads from you this quarter, despite all the promises.",
    "This delay is entirely on your side and we will not accept any penalty for it.",
    "Your CTO's comments in the press about our product were unprofessional and damaging.",
    "Again nobody answered our escalation. Is anyone working on this at your end??",
    "I am tired of chasing your team for basic updates.",
    "The numbers you presented at the QBR were wrong, and you knew it.",
    "Your partner manager cancelled our meeting for the fourth time without any explanation.",
    "We lost the deal at Contoso because your presales team was not prepared.",
    "your developers broke the build again, pls fix asap",
    "It seems that nobody at your company takes our partnership seriously anymore.",
    "The migration failed because you did not provide the credentials in time, as usual.",
    "We have been let down by your team on every single deliverable this year.",
    "You ignored our last three emails. What is going on?",
    "You told us last week it would be done. Nothing has happened.\n\n> Hi, we are on it, you "
    "will have it by Friday.\n> Cheers, Tom",
    "Great, another missed deadline from your side. Thanks a lot.",
)

FORMAL = (
    "Dear Ms. Okafor, please find attached the signed statement of work for your records. Kind "
    "regards",
    "Kindly confirm receipt of the updated price list at your earliest convenience.",
    "Further to our meeting on Tuesday, I am pleased to share the agenda for the quarterly "
    "business review.",
    "Pursuant to section 4 of the agreement, the annual review is scheduled for 15 March. "
    "Please let us know suitable dates.",
    "We hereby confirm the registration of the opportunity for Fabrikam under the partner "
    "programme.",
    "Please be informed that our offices will be closed on 24 and 25 December.",
    "The contract renewal documents have been sent to your procurement department for signature.",
    "In accordance with the data processing agreement, please find the list of sub-processors "
    "attached.",
    "We would be grateful if you could provide the Q3 pipeline figures by the end of the month.",
    "Allow me to introduce Dr. Lena Fischer, who will be your new point of contact for all "
    "technical matters.",
    "The minutes of the steering committee meeting are attached for your review and approval.",
    "Please note the new invoicing address, effective from 1 January.",
    "I would like to request a meeting to discuss the roadmap for the coming fiscal year.",
    "Our legal team has reviewed the NDA and has no further comments; it can be signed as is.",
    "As agreed in yesterday's call, I am sending you the draft of the joint press release for "
    "review.",
    "We kindly ask for your approval of the co-marketing budget as outlined in the attached "
    "proposal.",
    "Herewith we send you the certificate of completion for the partner training.",
    "Per our conversation, the pilot will start on 3 June with two of your consultants.",
    "Please find below the agenda for the executive review. Should you have additional items, "
    "please let me know.",
    "The change request CR-104 has been approved by both parties and will be implemented in "
    "release 5.2.",
    "In line with the partnership agreement, we would like to schedule the annual business "
    "planning session.",
    "Dear partner, we are writing to inform you about the upcoming changes to our partner "
    "programme tiers.",
    "Could you please forward the signed order form to our contracts department? Many thanks.",
    "The audit report for the last quarter is now available in the partner portal.",
    "Respectfully submitted for your consideration: the revised proposal for the joint "
    "go-to-market plan.",
    "We confirm that the purchase order has been received and processed.",
    "Kindly find enclosed the documents requested for the certification process.",
    "Our compliance team requires the completed security questionnaire before onboarding, as "
    "is standard for all partners.",
    "Please advise which of your colleagues should receive the monthly performance report "
    "going forward.",
    "We acknowledge your request and will revert with a detailed answer within five working days.",
    "Pls find attached the invoice no. 2025-118 acc. to the agreed payment terms.",
    "As requested, the escalation matrix with the names and phone numbers of both teams is "
    "attached.",
    "The terms and conditions of the reseller agreement remain unchanged for the next period.",
    "Reference is made to your letter of 5 May. The requested documents will be sent by courier.",
    "Please note that the webinar will be recorded and shared with all registered participants.",
    "On behalf of our board, I would like to thank you for the constructive discussions at the "
    "summit.",
    "Dear partners,\nplease find attached the agenda for the annual review.\n\nKind regards\n"
    "Legal & Partner Office\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are "
    "confidential and may be legally privileged. If you are not the intended recipient, "
    "please notify the sender immediately and delete it. Acme accepts no liability for any "
    "damage caused by this message.\nAny unauthorised use, disclosure or copying is strictly "
    "prohibited and may be unlawful.\nAcme GmbH, Registered office: Berlin, HRB 12345.\n"
    "Managing directors: A. Schmidt, B. Meyer.",
)

WARM = (
    "Thanks so much for jumping in yesterday, the customer loved the demo!",
    "Great news, Contoso signed! Couldn't have done it without your team. Drinks on us next time.",
    "Really enjoyed the workshop, lots of fresh ideas. Let's keep the momentum going.",
    "Congrats on the launch! The feedback from our field team has been fantastic.",
    "Hi Priya, hope you had a lovely holiday :) Looking forward to catching up next week.",
    "Thank you for being so flexible with the timeline, we really appreciate it.",
    "Your engineers were amazing during the go-live weekend. Please pass on our thanks.",
    "So glad we could find a solution together. This partnership keeps getting better.",
    "We'd love to have you at our customer event in Lisbon as a guest speaker!",
    "thx a lot for the quick help, saved my day :)",
    "Brilliant work on the joint whitepaper, it's already our most downloaded asset.",
    "Happy new year to the whole team, and thanks for a great first year together!",
    "I wanted to say personally how much I value working with you on this.",
    "What a fantastic quarter: record pipeline, and the teams work together really well.",
    "Thanks for the honest feedback on the pricing, it helps us a lot. Let's figure it out "
    "together.",
    "Welcome aboard, Marco! Really happy to have you as our new partner manager.",
    "Your idea for the bundle offer was spot on, customers love it.",
    "Really appreciate you taking the time to walk our sales team through the product.",
    "Many many thanks for the beautiful flowers, that was so kind of you.",
    "Excited about what we can build together next year!",
    "Hi all, just a quick thank you for the great collaboration at the trade fair.",
    "The team was very happy about your visit, we hope to see you again soon in Munich.",
    "Loved the energy in the room today. Let's do this more often.",
    "Awesome, thank you! That's exactly what we needed.",
    "Thank you for your trust in us, we will make this a success together.",
    "Kudos to Sam for the excellent presentation at the QBR.",
    "It was a pleasure meeting your leadership team, very inspiring conversation.",
    "Great catch on the bug, thanks for flagging it so early!",
    "We're thrilled to announce that we renewed our partnership for three more years.",
    "Thanks for thinking of us for this opportunity, we'd be delighted to join.",
    "Super helpful session, I learned a lot. Let's definitely repeat it.",
    "Many thanks for your kind words, it means a lot to the team.",
    "Wishing you and your family a wonderful summer break!",
    "Your support made all the difference for this customer, thank you!",
    "Glad to hear the pilot went well, well done everyone.",
    "Thank you, your timely delivery helped us hit the deadline. Really appreciated!",
    "Thanks Ana, that's great news!\n\nOn Tue, 4 Mar 2025 at 10:02, Bob Stone "
    "<bob@acme.example> wrote:\n> As per my last email, the SOW does not cover this. We cannot "
    "proceed without a change request.\n> Regards, Bob",
    "Wonderful, see you in Vienna then!\n\nSent from my iPhone",
)

PLAIN = (
    "Can we move tomorrow's call to 3pm?",
    "Attached is the updated deck. Let me know if anything is missing.",
    "The new build is on staging, version 4.3.1.",
    "Who from your side will join the QBR on the 14th?",
    "Here are the leads from last week, 12 in total.",
    "I'll send the numbers by Friday.",
    "The login for the sandbox is the same as before.",
    "ok, works for me",
    "Quick question: is the SSO integration still planned for Q3?",
    "Meeting notes: 1) pricing update 2) next steps for the pilot 3) AOB",
    "We need the customer's tenant ID to finish the setup.",
    "Forwarding the ticket from the customer, see below.",
    "Reminder: the partner portal will be down for maintenance on Saturday.",
    "Sorry for the late reply, I was travelling. The draft looks fine.",
    "Can you share the contact of your marketing lead?",
    "The invoice for March is attached.",
    "Pls check the figures in tab 3, I think row 12 is off.",
    "We moved the deadline for the case study to end of month.",
    "What's the status of the certification for your two new consultants?",
    "Sent the contract to our legal for review, will come back to you next week.",
    "Yes, Thursday works. Teams link to follow.",
    "The API rate limit is 100 requests per second per tenant.",
    "I'm out next week, Jonas will cover for me.",
    "Let's discuss the renewal terms in the next steering committee.",
    "FYI the customer asked for a second demo.",
    "Could you resend the file? The link expired.",
    "We'll need two more weeks for the connector because of the holiday season.",
    "Please add Sara to the distribution list.",
    "The agenda for Monday is in the shared folder.",
    "Hi, any update on the pricing approval from your side?",
    "Confirming receipt, thanks.",
    "Deployment is scheduled for 22:00 CET tonight.",
    "The escalation from Fabrikam is resolved, ticket closed.",
    "As discussed, I'll prepare the draft and share it tomorrow.",
    "Noted, we will update the forecast accordingly.",
    "Per the call: you take the slides, we take the demo.",
    "Fine by me, see you Thursday.\n\n-----Original Message-----\nFrom: Jane Roe\nSent: "
    "Monday, March 3, 2025 9:12 AM\nTo: Tom\nSubject: RE: delay\n\nFor the record, the delay was "
    "caused by your team.",
    "Sure, I'll ask Pedro.\n\n--\nMaria Gomez | Partner Success\nNorthwind Ltd.\n+44 20 7946 0000",
)

DEV: tuple[tuple[str, str], ...] = (
    *(("defensive", t) for t in DEFENSIVE),
    *(("blaming", t) for t in BLAMING),
    *(("formal", t) for t in FORMAL),
    *(("warm", t) for t in WARM),
    *(("plain", t) for t in PLAIN),
)
