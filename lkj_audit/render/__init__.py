"""Views of the findings: Jinja-rendered HTML fragments, charts, and the nbconvert export."""
