"""Routers of the service: ``analysis`` and ``info`` under ``/v1``, ``health`` and the editors' ``page``."""
