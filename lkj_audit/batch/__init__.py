"""Batch audits: hundreds of satker-years in one sweep, on one machine or a Dask cluster.

Every satker-year still gets its own executed notebook (the working paper), audit HTML,
``findings.json`` and CSV tables, exactly as ``lkj-audit run`` writes them. The pieces:

- :mod:`~lkj_audit.batch.manifest`    what to audit: a CSV manifest or a ``<year>/<satker>/`` tree
- :mod:`~lkj_audit.batch.state`       per-item stamps (skip / resume) and ``batch.json``
- :mod:`~lkj_audit.batch.kernels`     warm Jupyter kernels: started once, reset between notebooks
- :mod:`~lkj_audit.batch.warm_engine` the papermill engine (entry point ``lkj_warm``) using them
- :mod:`~lkj_audit.batch.worker`      what one worker process does for one item or the index
- :mod:`~lkj_audit.batch.scheduler`   local process pool, or an existing Dask cluster
- :mod:`~lkj_audit.batch.driver`      the sweep: plan, dispatch, record, progress, summary
- :mod:`~lkj_audit.batch.index_data`, :mod:`~lkj_audit.batch.index_view`
                                      the cross-satker index notebook and ``findings.parquet``
- :mod:`~lkj_audit.batch.synth`       synthetic satker reports made from the bundled one

Nothing here is imported by ``lkj_audit`` itself, and Dask is imported only when a
``--scheduler`` address is given (it is the optional extra ``lkj-audit[dask]``).
"""
