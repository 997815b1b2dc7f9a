"""The reviewer's working paper: corrections, decisions, findings by root cause, LHR and XLSX.

A reviu is a working paper a person corrects, decides on and signs. These modules read the
reviewer's own files next to the report (``corrections.yaml``, ``review.yaml``) and write the
files an Inspektorat files (``lhr.docx``, ``findings.xlsx``). The report itself is never
modified.
"""
