"""Only the CSS a notebook page can use is kept (``snippet_site.css_purge``)."""

from __future__ import annotations

from snippet_site.css_purge import CssRule, parse_css, purge_css


def test_rules_for_classes_the_page_uses_are_kept_and_the_others_dropped() -> None:
    css = ".a { color: red } .b { color: blue } .a .b { margin: 0 } div { padding: 1px } .a.b { top: 0 }"
    assert purge_css(css, {"a"}) == ".a{color:red}div{padding:1px}"


def test_a_selector_list_keeps_only_the_selectors_that_can_match() -> None:
    assert purge_css(".a, .c, p > .a { color: red }", {"a"}) == ".a,p > .a{color:red}"
    assert purge_css(".c, .d { color: red }", {"a"}) == ""


def test_a_negation_does_not_need_its_class() -> None:
    css = ".a:not(.missing) { top: 0 } .a:is(.nope, .other) { left: 0 } .missing:not(.a) { right: 0 }"
    assert purge_css(css, {"a"}) == ".a:not(.missing){top:0}.a:is(.nope, .other){left:0}"


def test_root_below_another_element_is_dropped() -> None:
    css = ":root { color: red } .jupyter-wrapper :root { color: blue }"
    assert purge_css(css, {"jupyter-wrapper"}) == ":root{color:red}"


def test_media_rules_are_purged_inside_and_kept_in_their_media() -> None:
    css = "@media (max-width: 600px) { .a { color: green } .b { color: pink } } @media print { .b { color: red } }"
    assert purge_css(css, {"a"}) == "@media (max-width: 600px){.a{color:green}}"


def test_parse_flattens_media_and_keeps_other_at_rules_raw() -> None:
    rules = parse_css(
        '@charset "utf-8"; @media print { .a, .b { color: red !important } } @font-face { font-family: F }'
    )
    assert rules[0] == CssRule(selectors=(".a", ".b"), declarations=(("color", "red !important"),), media="print")
    assert rules[1].raw == "@font-face { font-family: F }" and not rules[1].selectors
    assert len(rules) == 2, "@charset is dropped"


def test_parse_lowercases_properties_but_not_custom_properties() -> None:
    (rule,) = parse_css(".a { COLOR: red; --MyVar: 1px }")
    assert rule.declarations == (("color", "red"), ("--MyVar", "1px"))


def test_custom_properties_are_kept_only_when_something_kept_uses_them() -> None:
    css = (
        ":root { --used: 1px; --unused: 2px; --chain: var(--deep); --deep: 3px; --for-dropped: 4px }"
        ".a { width: var(--used); height: var(--chain) }"
        ".gone { width: var(--for-dropped) }"
    )
    assert (
        purge_css(css, {"a"})
        == ":root{--used:1px;--chain:var(--deep);--deep:3px}.a{width:var(--used);height:var(--chain)}"
    )


def test_a_rule_left_with_only_unused_custom_properties_disappears() -> None:
    assert purge_css(".a { --nobody: 1 } .a { color: red }", {"a"}) == ".a{color:red}"


def test_uses_outside_the_stylesheet_and_in_raw_at_rules_count() -> None:
    assert purge_css(":root { --v: 1 }", set(), extra_var_uses="color: var(--v)") == ":root{--v:1}"
    assert purge_css(":root { --v: 1 }", set()) == ""
    css = ":root { --f: serif } @font-feature-values F { @styleset { x: var(--f) } }"
    assert purge_css(css, set()).startswith(":root{--f:serif}")
