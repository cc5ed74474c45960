"""quotable: who said what, to whom, relayed by which agency, in German news text."""
