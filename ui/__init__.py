"""The Gradio UI: ``layout.build_blocks(settings, service)`` builds the page from the chat
tab (chat.py, answers rendered by sources.py, votes logged by feedback.py) and the
knowledge-base tab (kb.py). No retrieval or answer logic lives here."""
