"""Evaluate a derived value's formula safely: + - * / and parentheses over named values."""
from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

Number = int | float
_BINARY = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
           ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}


class FormulaError(ValueError):
    """The formula uses something other than names, numbers, + - * / and allowed functions."""


def formula_inputs(formula: str) -> list[str]:
    """The names a formula reads, in order of first use (function names excluded)."""
    tree = ast.parse(formula, mode="eval")
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    found = sorted((n.col_offset, n.id) for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id not in called)
    names: list[str] = []
    for _, name in found:
        if name not in names:
            names.append(name)
    return names


def evaluate(formula: str, values: Mapping[str, Number],
             functions: Mapping[str, Callable[[str], Number]] | None = None) -> Number:
    """Evaluate ``formula`` with ``values``; functions take a name (e.g. ``months(period_id)``)."""
    functions = functions or {}

    def ev(node: ast.AST) -> Number:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in values:
                raise FormulaError(f"unknown name {node.id!r}")
            return values[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _BINARY[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name)):
            return functions[node.func.id](node.args[0].id)
        raise FormulaError(f"not allowed in a formula: {ast.dump(node)[:60]}")

    try:
        return ev(ast.parse(formula, mode="eval"))
    except SyntaxError as err:
        raise FormulaError(f"not a formula: {formula!r} ({err.msg})") from None
