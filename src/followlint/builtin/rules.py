from ..hookspecs import hookimpl
from ..rules.fl001_unused_suppression import UnusedSuppression
from ..rules.fl101_no_value_reason import NoValueReason
from ..rules.fl102_referral_ask_timing import ReferralAskTiming
from ..rules.fl103_unanswered_customer_issue import UnansweredCustomerIssue
from ..rules.fl104_callback_timing import CallbackTiming
from ..rules.fl105_premature_concession import PrematureConcession
from ..rules.fl106_promise_perfection import PromisePerfection
from ..rules.fl107_unannounced_handoff import UnannouncedHandoff
from ..rules.fl108_ignored_constraint import IgnoredConstraint
from ..rules.fl109_follow_up_pressure import FollowUpPressure
from ..rules.fl110_defensive_tone import DefensiveTone


@hookimpl
def followlint_add_rules():
    return [
        UnusedSuppression, NoValueReason, ReferralAskTiming, UnansweredCustomerIssue, CallbackTiming, PrematureConcession,
        PromisePerfection, UnannouncedHandoff, IgnoredConstraint, FollowUpPressure, DefensiveTone,
    ]
