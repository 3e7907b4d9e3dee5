"""Page types, editorial boards and their review workflow, and the revision dates families see."""

from .boards import BoardReviewTask, BoardVote, EditorialBoard
from .pages import WHOLE_GUIDE_PATHS, GuidePage, GuideSectionPage, HomePage
from .review_dates import PublicationRecord, ReviewReminder, RevisionKind

__all__ = [
    "WHOLE_GUIDE_PATHS",
    "BoardReviewTask",
    "BoardVote",
    "EditorialBoard",
    "GuidePage",
    "GuideSectionPage",
    "HomePage",
    "PublicationRecord",
    "ReviewReminder",
    "RevisionKind",
]
