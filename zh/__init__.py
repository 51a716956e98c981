"""Chinese text knowledge shared by every other package: numerals, sentences, units, dates,
places and word classes. It sits at the bottom of the import graph: ingest/, vectorstore/,
bot/ and study/ import it; it imports none of them."""
