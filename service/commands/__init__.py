"""Sub-commands of ``gongkai``: each module has ``register(subparsers)`` and ``run(args) -> int``."""
