"""The upload page: uploaded files, the dry run and the import, run as a job."""
