"""quotable's HTTP service (``quotable serve``; needs ``pip install 'quotable[server]'``).

    config.py   ServerConfig: every limit and security setting, with its default
    worker.py   what runs inside a worker process: load the model once, attribute texts
    pool.py     WorkerPool: N worker processes, micro-batching, timeouts, crash recovery
    page.py     the HTML page at ``/`` (form and article view)
    openapi.py  the OpenAPI description served at ``/openapi.json``
    app.py      the Starlette application: routes, authentication, limits, JSON errors
    cli.py      ``quotable serve``: arguments → ServerConfig → uvicorn

Only ``app.py`` and ``cli.py`` import Starlette and uvicorn, and nothing in
``quotable`` imports this package: ``import quotable`` stays cheap without the extra.
"""
