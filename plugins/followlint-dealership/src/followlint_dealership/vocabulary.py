"""What customers and staff of a car dealership say, as followlint signal kinds.

The built-in kinds (issue, constraint, accommodation, value/update) get dealership phrases, so
the built-in rules see problems they would miss: a temporary tag about to expire, a warning
light, a car that cannot be driven. Two kinds are new and feed rule DL201: ``recall`` and
``sales_pitch``.
"""

from followlint.signals.kinds import Kind

KINDS = [
    Kind("recall", "a safety recall on the customer's car (\"the airbag recall\")"),
    Kind("sales_pitch", "selling a car, a trade-in, finance or an extra (\"ask about our trade-in offer\")"),
]

_PAPERS = "(plates|plate|registration|rego|title|logbook|v5|v5c|tags|tag|sticker|paperwork)"
_CAR = "(car|vehicle|truck|van|suv|it)"

VOCABULARY: dict[str, list[str]] = {
    # -- what the customer reports ---------------------------------------------------------
    "issue": [
        "(temporary|temp|paper|dealer) (tag|tags|plate|plates|registration|permit) (expires|expired|expiring|runs out|ran out|is expiring|has expired|will expire)",
        _PAPERS + " (still )?(aren't|isn't|are not|is not) (here|in|ready|back)",
        "(still|yet) (no|without|haven't got|have not got|waiting for) (my|the|our) " + _PAPERS,
        "(check engine|engine|warning|abs|airbag|oil|tyre pressure|tire pressure|battery|brake|service) (light|lights) (is|are|came|comes|keeps coming|keep coming|has come|went|is still|stays) (on|flashing)",
        "(making|makes|made) (a|an|this|that|the same|a strange|a weird|a loud|a funny) ** (noise|noises|sound|sounds|rattle|squeal|clunk|knock)",
        "(grinding|rattling|squealing|squeaking|clunking|knocking|ticking|whining|screeching) (noise|noises|sound|sounds)",
        "(pulls|pulling|drifts|drifting|veers|veering) to the (left|right)",
        "(scratch|scratches|dent|dents|scuff|scuffs|chip|chips|crack) (on|in) the",
        "(battery|tyre|tire) (is|was|keeps going|went|goes) flat",
        "(leaking|leaks|leaked|dripping) (oil|coolant|water|fluid|petrol|fuel)",
        "(part|parts) (is|are|still) on (back order|backorder)",
        "(got|received|had) a recall (notice|letter)",
    ],
    # The car cannot come to the dealership: the built-in FL108 then flags a reply that
    # asks for a visit without offering a tow or a pick-up.
    "constraint": [
        "(undriveable|undrivable|not driveable|not drivable|not safe to drive|unsafe to drive|can't be driven|cannot be driven)",
        "(stranded|broken down|broke down) (on|at|in|by|outside)",
        "(brakes|steering|clutch|gearbox|transmission) (failed|have failed|has failed|are gone|is gone|went|stopped working)",
        "(flat|dead) battery",
        _CAR + " (is|'s) (stuck|stranded) (on|at|in)",
    ],
    "accommodation": [
        "(flatbed|recovery truck|recovery vehicle|breakdown truck|wrecker|tow truck)",
        "(collect|pick up|picking up|collecting|fetch) (it|the car|your car|the vehicle|your vehicle|the keys) (from|at) (you|your|home|work|the)",
        "(shuttle|valet) (service|ride|pickup|pick up)",
        "(courtesy|loan|rental|hire) (vehicle|van)",
        "(mobile|on site|onsite) (technician|mechanic|fitter|van|repair)",
        "(breakdown cover|breakdown service|roadside assistance)",
    ],
    "value/update": [
        "(your|the) " + _PAPERS + " (are|is|have|has) (now )?(in|here|arrived|been posted|been mailed|been issued|been processed|come in)",
        "(your|the) (part|parts) (has|have) (come|arrived) in",
        "ready for (pick up|pickup|collection)",
        "(recall|warranty) (repair|work|fix) (is|has been|was) (done|completed|finished)",
    ],
    # -- the two kinds of DL201 ------------------------------------------------------------
    "recall": [
        "(safety|open|outstanding|manufacturer|manufacturer's|factory|airbag|brake) recall",
        "recall (notice|letter|campaign|repair|repairs|work|fix|remedy|notification)",
        "(the|a|this|that|your) recall (on|for|affecting|covering|of)",
        "(is|are|has been|have been|was|were|being) recalled",
        "(subject|affected) (to|by) (a|the|this) recall",
    ],
    "sales_pitch": [
        "(trade|trading) (it|your car|your vehicle|the car|her|him|up)? in",
        "trade in (value|offer|deal|bonus|price|appraisal)",
        "(upgrade|upgrading|move up|step up|switch) (to|into) (a|the|our) (new|newer|latest|brand new|all new)",
        "(new|newer|latest|all new) ** (model|models|lineup|line up|range) (is|are|has|have|just|in)",
        "(special|low|great|exclusive|0 %|zero percent) (finance|financing|lease|leasing|apr) (deal|deals|offer|offers|rate|rates)",
        "(finance|financing|lease|leasing) (deal|deals|offer|offers|special|specials)",
        "(book|take|schedule|come in for|arrange) a test drive",
        "(extended warranty|service plan|protection plan|paint protection|gap insurance|tyre insurance|tire insurance)",
    ],
}
