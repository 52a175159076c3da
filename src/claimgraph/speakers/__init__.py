"""Speaker entities across the store: who is who, with aliases, type, role and affiliation."""

from .resolve import Resolution, SpeakerResolver, SpeakerRow, resolve_speakers, speaker_id

__all__ = ["Resolution", "SpeakerResolver", "SpeakerRow", "resolve_speakers", "speaker_id"]
