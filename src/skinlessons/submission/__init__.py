"""The submission file: the one format the trainee side writes and the instructor side reads.

``format`` holds the typed records, the format version, the size limit, the file-name rule
and the data-folder layout; ``parse`` turns any JSON value into a document or the reason it is
not one; ``trainee_ids`` holds the trainee-id rules. ``skinlessons submit`` (the writer),
``skinlessons collect`` and ``skinlessons grade`` (the readers) and the tests all use them;
``docs/contracts.md`` ("Submission file") describes the same format for people.
"""
