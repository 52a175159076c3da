"""One module per page type; ``ROUTERS`` is what the app mounts."""

from __future__ import annotations

from . import articles, doc, explain, search, speakers, stories, story

ROUTERS = [stories.router, story.router, doc.router, articles.router, speakers.router, search.router,
           explain.router]
