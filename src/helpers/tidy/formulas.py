"""Evaluate a derived value's formula safely: + - * / and parentheses over named values.

The formula is read by a small loop (shunting-yard), not by Python's parser, so it has no depth limit:
a sum of thousands of terms works, and nothing but names, numbers, operators, parentheses and the
allowed functions (``months(date_id)``) is ever accepted.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Number = int | float
_BINARY: dict[str, Callable[[Number, Number], Number]] = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3}
_TOKEN = re.compile(r"\s*(?:(?P<call>[A-Za-z_]\w*)\s*\(\s*(?P<arg>[A-Za-z_]\w*)\s*\)"
                    r"|(?P<number>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>[-+*/()]))")


class FormulaError(ValueError):
    """The formula uses something other than names, numbers, + - * / and allowed functions."""


@dataclass(frozen=True)
class _Token:
    kind: str  # "number", "name", "call", "op"
    text: str
    arg: str = ""


def _tokens(formula: str) -> list[_Token]:
    tokens, pos = [], 0
    formula = formula.rstrip()
    while pos < len(formula):
        match = _TOKEN.match(formula, pos)
        if not match:
            raise FormulaError(f"not allowed in a formula: {formula[pos:pos + 20].strip()!r} (at character {pos + 1})")
        kind = match.lastgroup if match.lastgroup != "arg" else "call"
        tokens.append(_Token(kind, match.group(kind), match.group("arg") or ""))
        pos = match.end()
    if not tokens:
        raise FormulaError("the formula is empty")
    return tokens


def _rpn(tokens: list[_Token]) -> list[_Token]:
    """Reverse Polish order of ``tokens`` (shunting-yard); raises FormulaError if malformed."""
    out: list[_Token] = []
    ops: list[str] = []
    expect_operand = True
    for tok in tokens:
        if tok.kind in ("number", "name", "call"):
            if not expect_operand:
                raise FormulaError(f"an operator is missing before {tok.text!r}")
            out.append(tok)
            expect_operand = False
        elif tok.text == "(":
            if not expect_operand:
                raise FormulaError("an operator is missing before '('")
            ops.append("(")
        elif tok.text == ")":
            if expect_operand:
                raise FormulaError("a value is missing before ')'")
            while ops and ops[-1] != "(":
                out.append(_Token("op", ops.pop()))
            if not ops:
                raise FormulaError("a ')' has no matching '('")
            ops.pop()
        else:
            op = tok.text
            if expect_operand:
                if op != "-":
                    raise FormulaError(f"a value is missing before {op!r}")
                op = "neg"  # unary minus binds tightest and to the right
            else:
                while ops and ops[-1] != "(" and _PRECEDENCE[ops[-1]] >= _PRECEDENCE[op]:
                    out.append(_Token("op", ops.pop()))
            ops.append(op)
            expect_operand = True
    if expect_operand:
        raise FormulaError("the formula ends with an operator")
    while ops:
        op = ops.pop()
        if op == "(":
            raise FormulaError("a '(' is never closed")
        out.append(_Token("op", op))
    return out


def formula_inputs(formula: str) -> list[str]:
    """The names a formula reads, in order of first use (function names excluded)."""
    names: list[str] = []
    for tok in _tokens(formula):
        name = tok.arg if tok.kind == "call" else tok.text if tok.kind == "name" else ""
        if name and name not in names:
            names.append(name)
    return names


def evaluate(formula: str, values: Mapping[str, Number],
             functions: Mapping[str, Callable[[str], Number]] | None = None) -> Number:
    """Evaluate ``formula`` with ``values``; functions take a name (e.g. ``months(period_id)``)."""
    functions = functions or {}
    stack: list[Number] = []
    for tok in _rpn(_tokens(formula)):
        if tok.kind == "number":
            stack.append(float(tok.text) if "." in tok.text else int(tok.text))
        elif tok.kind == "name":
            if tok.text not in values:
                raise FormulaError(f"unknown name {tok.text!r}")
            stack.append(values[tok.text])
        elif tok.kind == "call":
            if tok.text not in functions:
                raise FormulaError(f"unknown function {tok.text!r}")
            stack.append(functions[tok.text](tok.arg))
        elif tok.text == "neg":
            stack.append(-stack.pop())
        else:
            right, left = stack.pop(), stack.pop()
            stack.append(_BINARY[tok.text](left, right))
    return stack[0]
