"""Controle: checks of a bestuur's RIO data over the stored register, one function per rule
(``regels``), run set-based for one bestuur or the whole country (``uitvoeren``)."""
