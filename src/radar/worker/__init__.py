"""Background work: jobs on a database task queue (django-q2), schedules, re-scoring.

See docs/operations.md, "The worker". `radar worker` runs the queue; `enqueue`
(radar.worker.jobs) hands a job to it, or runs it inline when no worker is meant
to run (RADAR_JOBS_INLINE, the tests and the command line).
"""
