"""gongkai's front ends: the command line and the HTTP service (they call ``classifier``)."""
