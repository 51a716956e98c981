"""The HTTP API beside the web UI: OpenAI-compatible chat with citations (/v1) and
knowledge-base management (/api). ``api.server.create_api`` builds the FastAPI app."""
