"""Keeping an alliance's records in the app: kinds of record, lists, forms, deletion."""
