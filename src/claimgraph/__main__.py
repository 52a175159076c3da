"""``python -m claimgraph``: the same command as the ``claimgraph`` script."""

from claimgraph.cli import main

main()
