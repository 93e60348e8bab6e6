"""The tone of a piece of text: how warm it is, and whether it blames or defends.

`score_text` combines VADER (a rule-based sentiment model tuned for short,
informal text; its compound score is already -1..+1) with a reading of the
text's *register*. VADER reads politeness as warmth: "Thank you for your
patience. As clearly agreed in the contract, these features are not
included" scores as warm, while a partner manager reads a partner pulling
back. The importers call this on message bodies after stripping quoted
replies and signatures (radar.ingest.email.text), and the store aggregates
the scores per month.

**Defensive** (covering oneself, keeping the other side at a formal
distance) is read from general cues rather than a list of set phrases:
- a *pointer* at the record, the contract or a procedure (what was written,
  signed, agreed or documented; the SOW, a clause, the scope; a formal or
  written approval, a change request, the official process; legal,
  procurement or management) in the same sentence as a *stance*:
  negation or refusal ("cannot proceed", "never"), insistence ("must",
  "remind", "point out", "once more"), responsibility ("our side", "not
  due to", "attributed"), or self-justification ("we delivered all");
- a strong stance on its own (two or more stance cues in one sentence);
- a stance in a text written in a stiffly formal register ("please be
  advised", "kindly note", "further to my email");
- and the unambiguous turns of phrase ("per my last email", "for the
  record", "without prejudice", "with all due respect", "like I said").
A formal register alone ("please find attached the signed SOW for your
records") is not defensive, nor is a pointer alone ("as agreed in
yesterday's call, here is the draft").

**Blaming** is a sentence that makes the other side the agent of a failure
("your team still hasn't delivered", "because of your late feedback",
"nobody from your side showed up"), plus a few exasperated phrases ("how
many times", "as usual").

A blaming text never reads warmer than `BLAMING_TONE`, a defensive one never
warmer than `DEFENSIVE_TONE`, whatever VADER makes of its courtesies.
`formality` (0 casual .. 1 stiffly formal) lets a caller see a jump in
register against the earlier messages of a thread (`formality_jump`).

Measured on a corpus written for it (tests/engine/tone_corpus: defensive,
blaming, formal, warm and plain messages); the figures are in
tests/engine/test_tone_register.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

# The warmest a flagged text may read (VADER's compound scale, -1..+1).
BLAMING_TONE = -0.4
DEFENSIVE_TONE = -0.2
# A jump in formality this large against the writer's earlier messages in the
# thread, with any stance cue, reads as pulling back (formality_jump).
FORMALITY_JUMP = 0.5


def _any(*patterns: str) -> re.Pattern[str]:
    # Matched against lower-cased text: re's IGNORECASE makes every one of these
    # scans two to three times slower.
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_WE = r"(?:we|i|our (?:team|side|company|engineers?|people))"
_SAID = (
    r"(?:said|told you|mentioned|explained|stated|pointed out|indicated|communicated|written"
    r"|made (?:it )?(?:very |abundantly |perfectly )?clear|outlined|highlighted|informed you"
    r"|wrote|advised|confirmed in writing|flagged|warned|raised|documented)"
)
_WRITTEN = r"(?:e-?mails?|mails?|messages?|letters?|notes?|correspondence|thread)"
_LEGAL = r"(?:legal|procurement|compliance|contracts?|lawyers?|(?:general |legal )?counsel|board)"

# Unambiguous on their own: the set turns of phrase of a text that covers itself.
_STRONG_DEFENSIVE = _any(
    # pointing back at what one already said or wrote
    rf"\b(?:as|like) {_WE}(?:'ve| have| had)? (?:already |previously |clearly |repeatedly "
    rf"|just |also |explicitly )*{_SAID}",
    rf"\b(?:as|like) (?:already|previously|clearly|repeatedly|explicitly) {_SAID}",
    rf"\b(?:as|like) {_SAID} (?:in|on) (?:my|our) (?:previous |last |earlier |prior )?"
    rf"(?:{_WRITTEN}|call|meeting)",
    r"\bas (?:outlined|described|specified|set out|stated|defined|explained) in (?:the|our) "
    r"(?:\w+ ){0,4}(?:you|your \w+) (?:received|signed|accepted|approved)",
    rf"\b(?:attach(?:ed|ing)|enclos\w+|forward\w*|resen[dt]\w*) (?:again )?(?:the|our|my) "
    rf"(?:\w+ )?{_WRITTEN}\b(?: \w+){{0,4}} (?:where|in which|which|that) (?:\w+ ){{0,4}}"
    r"(?:settled|agreed|decided|confirmed|approved|signed)",
    rf"\bas (?:previously|already|repeatedly|clearly|explicitly) (?:{_SAID}|agreed|discussed"
    r"|confirmed|requested|noted)",
    rf"\b(?:per|see|refer to|further to|with reference to|following up on) my (?:last |previous "
    rf"|earlier |prior )?{_WRITTEN}",
    r"\bfor the record\b|\bon record\b|\bfor the avoidance of doubt\b|\blet me reiterate\b",
    r"\breiterate\b|\bremind you that\b|\blet me be (?:clear|frank)\b",
    r"\bwith (?:all )?due respect\b|\bwithout prejudice\b|\breserve (?:the|our|all|any) rights?",
    # disowning
    r"\bnot (?:our|my) (?:fault|responsibility|problem|issue|concern|call|decision)\b",
    r"\bnot (?:ours|mine) to\b",
    rf"\b{_WE} (?:are|were|'re|am|cannot be|can't be) not (?:the )?(?:responsible|liable"
    r"|accountable)\b",
    r"\b(?:cannot|can't|could not|can not) be (?:attributed|blamed|held (?:responsible|liable))",
    r"\bnot (?:due to|caused by|the result of) (?:any )?(?:action|fault|failure|delay)s? "
    r"(?:on|of) our",
    # drawing the line at what was agreed
    r"\b(?:was|were|is|has been) never (?:part of|agreed|in (?:the )?(?:scope|offer|proposal"
    r"|contract|quote|agreement|plan)|included|promised|committed)",
    r"\b(?:we|i) never (?:agreed|committed|commited|promised|signed|offered)",
    r"\bnever part of the\b",
    r"\b(?:out(?:side)? (?:of )?|beyond )(?:the |our |your )?(?:agreed |contractual |project )?"
    r"scope\b|\bnot (?:in|within|part of) (?:the |our )?(?:agreed )?scope\b",
    r"\bwe did (?:our part|everything we could|what we promised|what was agreed)\b",
    r"\b(?:obligations?|commitments?|responsibilit(?:y|ies)) (?:have|has) (?:been |all been )?"
    r"(?:fulfilled|met|honou?red|delivered|completed)",
    r"\bconsider (?:this|the) (?:matter|topic|issue|case) (?:closed|settled)\b",
    r"\b(?:does|will) not set a precedent\b|\bone-?(?:time|off) (?:gesture|exception)\b",
    # handing the exchange to legal or procurement
    rf"\b(?:loop(?:ed|ing)? in|involv(?:e|ed|ing)|escalat(?:e|ed|ing)(?: this| it)? to"
    rf"|cc'?(?:ed|ing)?|copy(?:ing)?|refer(?:red|ring)? (?:this|it|the matter) to"
    rf"|hand(?:ed|ing)? (?:this|it|the matter) (?:over )?to) (?:our|my) {_LEGAL}",
    rf"\bour {_LEGAL}(?: \w+)? (?:have|has) been (?:copied|cc'?d|looped in|involved|informed)",
    r"\b(?:through|via|with) (?:our|my) (?:legal|lawyers?|(?:general |legal )?counsel)\b",
    r"\b(?:direct|address|route) (?:any|all) (?:further )?(?:questions|queries|correspondence"
    r"|communication|requests)",
    # insisting on the written record and the procedure
    r"\bhave (?:it|this|that|everything) in writing\b|\bput (?:it|this|that) in writing\b",
    r"\b(?:until|unless|without) (?:we (?:receive|have|get) )?(?:a |an |the |your )?"
    r"(?:signed|written|formal|official|prior) (?:change|amendment|approval|confirmation|order"
    r"|po|purchase order|sign-?off|request|consent|notice)",
    r"\b(?:approved|confirmed|agreed|requested|confirmation|approval|submitted|sent|raised|put"
    r"|made) (?:\w+ ){0,4}in writing\b",
    r"\bi (?:must|have to|need to) insist\b|\bwe (?:must|have to) insist\b",
    r"\bstick to the (?:agreed )?(?:process|procedure|plan|contract)\b",
    r"\b(?:records?|logs?|minutes|tracker|files?|thread|correspondence) (?:clearly )?"
    r"(?:shows?|confirms?|proves?|indicates?|reflects?)\b",
    r"\bit is (?:evident|obvious|clear|documented) (?:that|from)\b|\bfrom which it is\b",
    # rebutting, and standing on one's own record
    r"\bwith respect\b|\b(?:not|isn't|is not|hardly) (?:fair|accurate|correct|true) to (?:say"
    r"|claim|suggest|imply)\b|\bwe stand by\b|\bin good faith\b",
    rf"\b(?:we|i) refer to (?:our|my) (?:previous |last |earlier )?{_WRITTEN} (?:of|dated|from)",
    r"\b(?:point|refer|direct) you to\b|\bto the letter\b",
    rf"\b(?:has|have) been (?:forwarded|passed|handed|referred|escalated) to (?:our|my) "
    rf"(?:\w+ ){{0,2}}{_LEGAL}",
    rf"\bour (?:head of |chief )?{_LEGAL}(?: \w+)? (?:to )?(?:join|attend|respond|handle"
    r"|take over|take it from here|be involved|look into (?:this|the matter))",
    r"\b(?:we|i) (?:raised|flagged|warned|reported|highlighted) (?:this|it|the (?:issue|risk))"
    r"|\braised by us\b",
    r"\b(?:this|that|your) (?:claim|allegation|characteri[sz]ation|accusation|assertion)\b",
    r"\b(?:set|put) the record straight\b|\brewrite history\b|\bpush back\b",
    r"\bnowhere (?:in|does|do|is|was)\b|\bnot what we signed up for\b",
    r"\b(?:we|i) (?:don't|do not|cannot|can't|won't|will not|refuse to) (?:accept|agree with)"
    r" (?:this|that|the|your)\b|\bwe reject\b",
    r"\b(?:our|a) (?:written|formal) (?:response|reply|answer|position)\b",
    r"\b(?:at|on|upon) your (?:request|instruction|insistence)\b",
)

# What a defensive text points back at: the record, the contract, a procedure, legal.
_POINTER = _any(
    rf"\b(?:my|our|your|the) (?:previous |last |earlier |prior )?{_WRITTEN} (?:of|dated|from"
    r"|we sent|you received|where)\b",
    r"\bminutes\b|\bprotocol\b|\bdocumented\b|\bin writing\b|\bwritten\b|\brecorded\b",
    r"\bsigned\b|\bsign-?off\b|\bsigned off\b|\bcountersigned\b",
    r"\b(?:accepted|approved|agreed(?: upon)?|confirmed|signed|certified|validated|verified"
    r"|tested) (?:by|with) (?:your|you|both)",
    r"\b(?:we|you) both agreed\b|\bframework\b|\blogs?\b|\breports?\b|\bchange log\b",
    r"\b(?:you|your \w+) (?:signed|accepted|approved|confirmed|received|agreed)\b",
    r"\bcontract(?:s|ual|ually)?\b|\bagreement\b|\bsow\b|\bstatement of work\b|\bmsa\b",
    r"\bamendment\b|\bannex\b|\bappendix\b|\bclause\b|\b(?:section|article|page|§) ?\d",
    r"\brate card\b|\bsla\b|\blicen[cs]e terms\b|\bterms\b|\bacceptance\b|\bspecs?\b",
    r"\boffer\b|\bproposal\b|\bquote\b|\border\b|\bonboarding guide\b|\bkick-?off\b",
    r"\binstructions\b|\bbrief\b|\bmatrix\b|\bwarranty\b|\bsupported\b|\bdecision\b",
    r"\bobligations?\b|\bliab(?:le|ility)\b|\bentitled\b|\bnotice\b|\bposition\b",
    r"\bchange (?:request|order)\b|\bpurchase order\b|\bbillable\b|\bchargeable\b",
    r"\bgovernance\b|\bprocess\b|\bprocedure\b|\bstandard\b|\bpolicy\b|\brules?\b",
    r"\bformal\b|\bofficial\b|\bapproved\b|\bapproval\b|\bprecedent\b",
    rf"\b{_LEGAL}\b|\bmanagement\b|\bsteering committee\b|\bescalat\w*",
    r"\bscope\b|\bagreed\b|\bcommitted to\b|\bsettled\b|\bthe list we received\b",
)


# How a text takes its stand, with a weight: 1 is one full cue.
def _cue(weight: float, *patterns: str) -> tuple[re.Pattern[str], float]:
    return _any(*patterns), weight


_STANCES: tuple[tuple[re.Pattern[str], float], ...] = (
    # refusing, and setting conditions
    _cue(
        1.0,
        r"\b(?:cannot|can ?not|can't|unable to|not able to|not in a position to|won't be "
        r"able to|will not|won't|not possible to)\b",
    ),
    _cue(
        1.0,
        r"\bnever\b",
        r"\bnot (?:foreseen|included|covered|accepted|allowed|possible)\b",
        r"\bdo(?:es)? not (?:include|cover|allow|foresee)\b",
    ),
    _cue(
        1.0,
        r"\bbefore (?:we|any|it|my|our|i)\b",
        r"\bunless\b",
        r"\bonly (?:attend|accept|proceed|work|if|when|after|to the extent|insofar|as far"
        r"|where|what)\b",
        r"\bto the extent\b",
    ),
    _cue(0.5, r"\bnot\b(?! hesitate)|\bno\b(?!\.? ?\d)|\bnothing\b|\bnobody\b|\bnone\b"),
    _cue(0.5, r"\bhowever\b|\bbut\b|\bunfortunately\b|\bregrettably\b"),
    # insisting, and framing a correction
    _cue(
        1.0,
        r"\bmust\b|\binsist\w*|\bremind(?:ing|ed)? (?:you|all|everyone)\b|\bpoint out\b",
        r"\breiterate\b|\bstress\b|\bemphasi[sz]e\b|\bclarify\b|\bclarity\b|\bmisunderst\w+",
    ),
    _cue(
        1.0,
        r"\bto be (?:clear|transparent|fair|precise|frank|honest)\b|\bjust flagging\b"
        r"|\bplease (?:don't|do not) misunderstand\b|\bjust so (?:you know|we are clear)\b",
    ),
    _cue(
        0.5,
        r"\bonce (?:again|more)\b|\bagain\b|\balready\b|\bclearly\b|\bexplicitly\b"
        r"|\bmultiple occasions\b|\bseveral times\b|\btwice\b|\brepeatedly\b|\balways\b"
        r"|\bthis exact\b|\bprecisely\b",
    ),
    _cue(1.0, r"\b(?:is|are) (?:final|complete|closed)\b|\bnon-?negotiable\b|\bnot negotiable\b"),
    _cue(
        0.5,
        r"\b(?:we|i) (?:require|need)\b|\brequired\b|\bneed(?:s)? to\b|\bhave to\b|\bhas to\b"
        r"|\bwould have to\b|\bgo through\b",
    ),
    _cue(0.5, r"\bgoing forward\b|\bfrom now on\b|\bhenceforth\b|\bany ?more\b"),
    _cue(
        1.0,
        r"\bplease understand\b|\bit is important to note\b|\bit (?:should|must) be noted\b"
        r"|\bwe trust you (?:will )?(?:understand|appreciate)\b",
    ),
    # placing the responsibility elsewhere
    _cue(
        1.0,
        r"\bresponsa?i?bilit\w*|\bresponsib\w*|\bresponsab\w*|\bfault\b|\bblame\w*"
        r"|\battribut\w+|\baccountab\w*|\bliab\w+",
    ),
    _cue(
        1.0,
        r"\b(?:on|from) (?:our|my) (?:side|part|end)\b|\bour side\b"
        r"|\bfrom our (?:perspective|point of view|standpoint)\b|\bour position\b",
    ),
    _cue(0.5, r"\byour (?:side|team|project lead|qa lead|steering committee)\b"),
    _cue(
        1.0,
        r"\b(?:you will|you'll|you can|you may) (?:see|find|note) that\b"
        r"|\bas you (?:may|might|will|would) (?:recall|remember|know)\b"
        r"|\b(?:set out|laid (?:out|down)|listed) in\b|\bas documented\b"
        r"|\bfor context\b|\b(?:we|i)(?:'d| would) (?:also )?like to note\b"
        r"|\brespond formally\b|\bformal (?:response|reply)\b",
    ),
    _cue(
        0.5,
        r"\b(?:as )?per (?:the|our) (?:contract|agreement|terms|sow|msa)\b"
        r"|\bunder (?:the|our) (?:contract|agreement|terms)\b|\byour own\b"
        r"|\b(?:stipulated|specified|defined) in\b",
    ),
    _cue(
        1.0,
        r"\b(?:gentle|kind|friendly|quick) reminder\b|\breminder that\b|\bin view of\b"
        r"|\bwe would ask that\b|\brather than (?:directly|going)\b|\bsurprised by\b"
        r"|\bregarding your (?:comment|claim|remark|point|statement|complaint)\b"
        r"|\bthe points (?:you )?raised\b|\bwhich we did\b|\bat the time\b"
        r"|\bwe consider\b|\bawait your\b|\bsuggest you check\b|\bthe consequence of\b"
        r"|\b(?:your|the) \w+ (?:team )?owns\b|\bin line with what\b",
    ),
    # an absolute claim about one's own side: "we answered every request"
    _cue(
        1.0,
        r"\b(?:we|our team|our side|i)(?:'ve| have| had)? (?:\w+ ){0,2}(?:every|all (?:our|the"
        r"|of)|each|always|without exception)\b",
    ),
    _cue(
        1.0,
        r"\b(?:can|will|do|could) only\b|\bnot allowed\b|\bhands are tied\b"
        r"|\bno exceptions?\b|\bmake exceptions?\b",
    ),
    _cue(
        1.0,
        r"\b(?:were|was|have been|has been) (?:provided|delivered|sent|shared|received"
        r"|given|supplied|changed) (?:too )?(?:late|after)\b",
        r"\b(?:assumed|expected|depended on|relied on|contingent on) (?:that )?your\b",
        r"\b(?:we )?only received\b|\bremain(?:s)? (?:unpaid|outstanding|open)\b",
        r"\bthe reason why\b|\boriginated\b|\bdue to\b|\bcaused by\b|\btraces? back\b"
        r"|\bstem(?:s|med)? from\b|\b(?:sits?|lies|rests?) with\b"
        r"|\bif something is missing\b",
    ),
    # justifying oneself
    _cue(
        1.0,
        r"\b(?:we|our team|our side|my team) (?:delivered|provided|completed|met|fulfilled"
        r"|answered|did|sent|shared) (?:all|every|everything|each|exactly|precisely|on time"
        r"|as agreed|in full|what)\b",
        r"\b(?:the date|the deadline|what) we committed to\b",
        r"\b(?:we|our team) (?:followed|respected|honou?red|complied with|acted)\b",
        r"\b(?:targets?|deadlines?|milestones?|commitments?|slas?) (?:were|was|have been|has"
        r" been) (?:all )?(?:met|achieved|delivered|kept|honou?red)\b",
        r"\b(?:is|are) (?:correct|accurate)\b|\bverified independently\b",
    ),
    _cue(
        0.5,
        r"\bcharged?\b|\binvoice[ds]?\b|\bbilled\b|\bbillable\b|\badditional (?:hours|fees"
        r"|costs|charges)\b|\bseparately\b",
    ),
)

_ANY_STANCE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _STANCES))

# The stiffly formal register: it distances, whatever is said in it.
_FORMAL = _any(
    r"\bdear (?:mr|ms|mrs|dr|sir|madam|partner|colleague)s?\b",
    r"\bplease be (?:advised|informed|aware)\b|\bkindly\b|\bplease note\b",
    r"\bwe (?:hereby|herewith)\b|\bhereby\b|\bherewith\b|\bpursuant to\b|\baforementioned\b",
    r"\bin accordance with\b|\bwith reference to\b|\bfurther to\b|\breference is made\b",
    r"\bat your earliest convenience\b|\bshould you (?:have|require|wish)\b",
    r"\bwe acknowledge\b|\bduly\b|\brespectfully\b|\bregrettably\b|\bwe regret\b",
    r"\bwe (?:wish|would like) to (?:inform|remind|point out|draw your attention|stress)\b",
    r"\b(?:we|i) have to inform you\b|\bthe matter\b|\byours sincerely\b|\bin due course\b",
)

# Blame: the other side as the agent of a failure, in one sentence (or two in a row).
_YOU = re.compile(r"\b(?:you|your|yours|ur|you guys)\b")
_FAILURE = _any(
    r"\bfail\w*|\bmiss(?:ed|ing|es)?\b|\bdidn't\b|\bdid not\b|\bnever\b|\bforg[eo]t\w*",
    r"\bwaste\b|\bwasting\b|\binsult\w*|\boffensive\b|\boutrageous\b|\bridiculous\b"
    r"|\babsurd\b|\bpostpon\w+|\b(?:twice|(?:two|three|four|five|\d+) times)\b|\bgot nothing\b"
    r"|\bstill nothing\b|\byou said it would\b|\bwithout any\b|\bdropped\b|\balways the last\b",
    r"\b(?:still )?(?:haven't|hasn't|have not|has not)\b|\bnot (?:delivered|sent|provided"
    r"|answered|responded|prepared|replied|ready|acceptable|serious|a single|one|even)\b",
    r"\bignor\w*|\bbroke\b|\bbroken\b|\bdropped the ball\b|\bdelays?\b|\bdelayed\b",
    r"\b(?:was|were|is|are|came|arrived|delivered|sent|provided|too) late\b|\blast-?minute\b"
    r"|\blate (?:delivery|feedback|reply|response|input|answer|changes?|payment)\b",
    r"\bincomplete\b|\berrors?\b|\bmistakes?\b|\bwrong\b|\bpoor\b|\bunacceptable\b|\boutdated\b",
    r"\bdisappoint\w*|\bunprofessional\b|\blet (?:us )?down\b|\bmess\b|\bcancell?(?:ed|ation)\b",
    r"\bno-?show\b|\bnobody\b|\bno one\b|\bchasing\b|\bdamaging\b|\black of\b|\bfault\b",
    r"\bkeeps? (?:closing|changing|missing|ignoring|slipping|forgetting|postponing|cancell?ing"
    r"|delaying|pushing|moving|blaming|breaking|dropping|skipping|rescheduling|promising)\b",
    r"\bcaused by\b|\bbecause of\b|\bdue to\b|\broot cause\b|\bwithout (?:telling|informing"
    r"|asking|notice|a fix|any explanation)\b|\bcost (?:us|our)\b|\bwasted\b|\bleft us\b",
    r"\bexpected (?:more|better)\b|\bdespite\b|\bcomplain\w*|\bnot prepared\b|\bsupposed to\b",
    r"\bimpossible\b|\bat risk\b|\blost (?:the )?deal\b|\bpromised\b|\bexcuses\b|\bfed up\b",
    r"\bnothing (?:has )?(?:happened|changed|moved|arrived)\b|\bsilence\b|\bembarrass\w*",
    r"\bsloppy\b|\bcareless\b|\buseless\b|\bunreliable\b|\bundercut\w*|\bskipped\b",
    r"\bpoint(?:s|ing)? (?:at|to) (?:someone|somebody|others|each other|us)\b",
    r"\bevery (?:single )?time\b|\bstill no\b|\bwaiting (?:since|for) (?:\w+ )?(?:days|weeks"
    r"|months)\b",
    r"\bdisaster\b|\bfiasco\b|\bnightmare\b|\ba joke\b|\bbehaviou?r\b|\bexpected to\b",
    r"\bwithout (?:even )?(?:reading|looking|checking|testing|asking|telling|approval|permission"
    r"|consent)\b|\beven (?:test|read|look|check|try|bother)\w*",
    r"\bhad to (?:apologi[sz]e|redo|fix|clean up|explain|cover|step in)\b|\bthere is nothing\b",
    r"\bpushed (?:\w+ ){0,2}into\b|\bleft cleaning up\b|\bcleaning up after\b",
    r"\bsteer\w* (?:\w+ )?away\b|\bundermin\w+|\bgoing around us\b|\bbypass\w*|\bpoach\w*",
)
# A sentence that apologises for its own side blames nobody.
_OWN_FAULT = _any(
    r"\b(?:our|my) apologies\b|\b(?:we|i) (?:do |sincerely )?apologi[sz]e\b",
    r"\b(?:i'm|i am|we're|we are) sorry\b|^\s*sorry\b(?! to be (?:blunt|frank|direct|honest))",
)
_STRONG_BLAMING = _any(
    r"\bhow many times\b|\bthanks for nothing\b",
    r"\b(?:as usual|yet again|once again|once more),? (?:you|your|the data you|nobody)",
    r"\bstill waiting (?:for|on) (?:you|your)\b",
    r"\b(?:that's|that is|this is) on you\b"
    r"|\b(?:is|lies|rests|was) (?:entirely |completely |clearly |squarely )?on your side\b",
    r"\bnobody (?:has )?(?:answered|replied|responded|showed up|came|bothered)\b",
    r"\bif (?:you|your \w+) had\b|\bit was your (?:decision|idea|call|choice|job)\b",
    r"\banother (?:missed|late|failed)\b|\byet another\b.{0,40}\b(?:your|you)\b",
    r"\b(?:hard|impossible|difficult) to work with\b",
)

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+(?=[A-Z\"'(\[])|\n+")
_WORD = re.compile(r"[A-Za-z0-9\u00C0-\u024F']+")
# Typographic apostrophes would defeat the patterns above.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True, slots=True)
class ToneScore:
    tone: float  # -1 (hostile) .. +1 (warm): VADER's compound score, held down when flagged
    blaming: bool  # makes the other side the agent of a failure
    defensive: bool  # covers the writer's own side, or keeps the other at a formal distance
    words: int
    formality: float = 0.0  # 0 casual .. 1 stiffly formal (register markers per sentence)
    stance: float = 0.0  # the strongest stance taken in one sentence (0: none)


@dataclass(frozen=True, slots=True)
class Register:
    blaming: bool
    defensive: bool
    formality: float
    stance: float


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    # Loaded once, on first use: reading VADER's lexicon takes a moment.
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
        SentimentIntensityAnalyzer,
    )

    return SentimentIntensityAnalyzer()


def sentiment(text: str) -> float:
    """VADER's compound sentiment of `text`, -1..+1 (0 for empty text)."""
    if not text.strip():
        return 0.0
    compound = float(_analyzer().polarity_scores(text)["compound"])
    return max(-1.0, min(1.0, compound))


def register(text: str) -> Register:
    """Whether a text blames or defends, how formal it is and how firm its stand."""
    normalised = text.translate(_QUOTES)
    # Sentences are cut on the text as written (a capital starts one), then read lower-cased.
    sentences = [s.lower() for s in _SENTENCE.split(normalised) if s.strip()]
    lowered = normalised.lower()
    formal = len(_FORMAL.findall(lowered))
    formality = min(1.0, formal / max(1, len(sentences)))
    stances = [_stance(s) for s in sentences]
    stance = max(stances, default=0.0)
    defensive = (
        _STRONG_DEFENSIVE.search(lowered) is not None
        or stance >= 2.0
        or (stance >= 1.0 and (formal > 0 or _POINTER.search(lowered) is not None))
    )
    return Register(_blames(lowered, sentences), defensive, round(formality, 3), stance)


def _blames(lowered: str, sentences: list[str]) -> bool:
    """The agent and the failure in one sentence, or in two that follow each other."""
    if _STRONG_BLAMING.search(lowered):
        return True
    if not _YOU.search(lowered):
        return False
    pairs = [*sentences, *(f"{a} {b}" for a, b in pairwise(sentences))]
    return any(_YOU.search(s) and _FAILURE.search(s) and not _OWN_FAULT.search(s) for s in pairs)


def _stance(sentence: str) -> float:
    if not _ANY_STANCE.search(sentence):
        return 0.0  # most sentences take no stand: one scan instead of one per cue
    return sum(weight for pattern, weight in _STANCES if pattern.search(sentence))


def formality_jump(earlier: float, now: float, stance: float) -> bool:
    """A writer who turns much more formal than before in a thread and takes any stand.

    "Dear Ms. Smith, kindly note that the workshop will not take place" from
    someone who wrote "sure, see you there!" the week before: alone it is a
    formal note (register() needs a firmer stand); against the thread it is
    a partner pulling back.
    """
    return now - earlier >= FORMALITY_JUMP and stance >= 0.5


def held_down(tone: float, blaming: bool, defensive: bool) -> float:
    """The tone of a flagged text: never warmer than its flag allows."""
    if blaming:
        return min(tone, BLAMING_TONE)
    if defensive:
        return min(tone, DEFENSIVE_TONE)
    return tone


def score_text(text: str) -> ToneScore:
    """Score one message or note (quotes and signatures already stripped)."""
    normalised = text.translate(_QUOTES)
    found = register(normalised)
    tone = held_down(sentiment(normalised), found.blaming, found.defensive)
    return ToneScore(
        tone=round(tone, 4),
        blaming=found.blaming,
        defensive=found.defensive,
        words=len(_WORD.findall(normalised)),
        formality=found.formality,
        stance=found.stance,
    )
