"""The practice editor's form."""

from countries.audience import AudiencePageForm
from countries.permissions import country_for_page


class PracticePageForm(AudiencePageForm):
    """A new practice starts in its space's language (Finnish in Finland's space), not in
    the model's English default: most practices are written in the country's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and self.parent_page is not None and not self.is_bound:
            country = country_for_page(self.parent_page)
            if country is not None and "language" in self.fields:
                self.initial["language"] = country.language
