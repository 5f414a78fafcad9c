"""`inkuru batch`: a folder of articles translated as one resumable job, by local worker processes or on Ray.

`runner.run_job` plans the job in its manifest (`manifest.Manifest`), hands the pending files to workers that
each hold one `job.FileTranslator`, and records every outcome; `report` renders the summary and index.
"""
