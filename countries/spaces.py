"""The eight spaces of the network: the data setup_spaces creates them from."""

from typing import NamedTuple


class Space(NamedTuple):
    code: str
    name: str
    name_native: str
    #: The hub language the space writes in: its practices' default, and its name's.
    language: str
    slug: str


SPACES: tuple[Space, ...] = (
    Space("DK", "Denmark", "Danmark", "da", "denmark"),
    Space("FI", "Finland", "Suomi", "fi", "finland"),
    Space("IS", "Iceland", "Ísland", "is", "iceland"),
    Space("NO", "Norway", "Norge", "nb", "norway"),
    Space("SE", "Sweden", "Sverige", "sv", "sweden"),
    Space("AX", "Åland", "Åland", "sv", "aland"),
    Space("FO", "Faroe Islands", "Føroyar", "da", "faroe-islands"),
    Space("GL", "Greenland", "Kalaallit Nunaat", "da", "greenland"),
)
