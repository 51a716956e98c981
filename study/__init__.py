"""Study materials for trainers: topic briefs and quizzes with answer keys and citations.

Everything here is extractive and needs no LLM: every passage, figure and answer is taken
verbatim from an ingested report and carries a citation (report, year, section path, page).

- ``study.brief``  — passages on a topic, grouped by report → section, with key figures
- ``study.quiz``   — fill-in-the-blank, multiple choice, true/false and matching items
- ``study.export`` — Markdown and .docx, answer key / sources on a separate page
- ``study.cli``    — ``python -m bot study brief|quiz`` (wired from ``bot/__main__.py``)
- ``study.ui_api`` — the two calls the UI tab makes
"""
