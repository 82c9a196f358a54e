"""StreamField blocks shared by the public pages; each renders with a template under templates/blocks/."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Said by every link editors make (a block in a page, a menu item) that names both a page and an address, or neither.
PAGE_OR_ADDRESS = _("Choose a page or give a web address (one of the two).")
# Help of an optional heading or label that falls back on the title of the page it belongs to or links to.
EMPTY_MEANS_PAGE_TITLE = _("Empty means the page title.")

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another address, with its own visible text."""

    label = blocks.CharBlock(label=_("link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or web address"), required=False)

    class Meta:
        icon = "link"
        label = _("link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(block_errors={"page": ValidationError(PAGE_OR_ADDRESS)})
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("heading")
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"), max_length=200, required=False,
        help_text=_("Describe what the image shows for people who cannot see it. Leave empty for decoration."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=200, required=False)

    class Meta:
        icon = "image"
        label = _("image")
        template = "blocks/image.html"


class StepsBlock(blocks.StructBlock):
    """A numbered 'how it works' list."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    steps = blocks.ListBlock(
        blocks.StructBlock([
            ("title", blocks.CharBlock(label=_("step"), max_length=120)),
            ("text", blocks.TextBlock(label=_("explanation"), max_length=600)),
        ]),
        label=_("steps"), min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("steps")
        template = "blocks/steps.html"


class FAQBlock(blocks.StructBlock):
    """Questions and answers; each answer folds open without JavaScript."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    questions = blocks.ListBlock(
        blocks.StructBlock([
            ("question", blocks.CharBlock(label=_("question"), max_length=200)),
            ("answer", blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)),
        ]),
        label=_("questions"), min_num=1,
    )

    class Meta:
        icon = "help"
        label = _("frequently asked questions")
        template = "blocks/faq.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), max_length=400, required=False)
    link = LinkBlock(label=_("button"))

    class Meta:
        icon = "pick"
        label = _("call to action")
        template = "blocks/call_to_action.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), max_length=600)
    name = blocks.CharBlock(label=_("name"), max_length=100)
    context = blocks.CharBlock(label=_("who they are"), max_length=150, required=False)

    class Meta:
        icon = "openquote"
        label = _("quote")
        template = "blocks/quote.html"


class FactsBlock(blocks.StructBlock):
    """A few key figures, each with its explanation in words."""

    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    facts = blocks.ListBlock(
        blocks.StructBlock([
            ("figure", blocks.CharBlock(label=_("figure"), max_length=20)),
            ("label", blocks.CharBlock(label=_("meaning"), max_length=150)),
        ]),
        label=_("facts"), min_num=1, max_num=6,
    )

    class Meta:
        icon = "list-ul"
        label = _("key figures")
        template = "blocks/facts.html"


class AudienceBlock(blocks.StructBlock):
    """One of the home page's doors: for employers, for job seekers, for associations and residents."""

    audience = blocks.ChoiceBlock(
        label=_("audience"),
        choices=[("employer", _("Employers")), ("seeker", _("Job seekers")),
                 ("association", _("Associations and residents"))],
    )
    title = blocks.CharBlock(label=_("title"), max_length=80)
    text = blocks.TextBlock(label=_("text"), max_length=400)
    link = LinkBlock(label=_("button"))

    class Meta:
        icon = "group"
        label = _("audience")
        template = "blocks/audience.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html")
    image = ImageBlock()
    steps = StepsBlock()
    faq = FAQBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    facts = FactsBlock()

    class Meta:
        label = _("content")
