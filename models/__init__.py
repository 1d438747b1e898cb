"""Model bundles. ``models/default/`` is the bundle that ships (built by ``gongkai train``)."""
