"""The few errors ingestion raises; messages say what to do."""


class IngestError(Exception):
    """A file could not be ingested; the message is shown to the user as is."""


class UnsupportedFileType(IngestError):
    """The file's type is not one we can read."""
