"""Lists what an Airflow DAG file passes to Cleave, without Airflow: parses the file with ``ast`` and prints JSON.

    python3 check_dag.py cleave_training_dag.py

Output: ``installed_files`` (every ``cleave_file("...")`` path, relative to CLEAVE_HOME) and ``operators``, one
object per ``SparkSubmitOperator(...)`` call with its ``task_id``, ``java_class``, ``application``,
``properties_file`` and ``application_args`` (strings; a ``cleave_file(p)`` call is written ``<CLEAVE_HOME>/p`` and
any other module-level name ``NAME`` as ``<NAME>``; Jinja templates are kept as written) and the ``retries`` that
apply to it (its own keyword, else the DAG's ``default_args``). Exits 1 with a message on anything it cannot read
statically. The checks themselves are made by the Java test AirflowDagTest.
"""

import ast
import json
import sys

OPERATOR = "SparkSubmitOperator"
INSTALLED = "cleave_file"
STRING_KEYWORDS = ("task_id", "java_class", "application", "properties_file")


class DagError(Exception):
    """Something in the DAG file that cannot be read without running it."""


def string_value(node):
    """The text of an expression built from string literals, cleave_file(...) calls, names and ``+``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return string_value(node.left) + string_value(node.right)
    if isinstance(node, ast.Name):
        return "<" + node.id + ">"
    if is_installed_file(node):
        return "<CLEAVE_HOME>/" + node.args[0].value
    raise DagError("line %d: not a static string: %s" % (node.lineno, ast.unparse(node)))


def is_installed_file(node):
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == INSTALLED
            and len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str))


def call_name(node):
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def default_retries(tree):
    """The ``retries`` entry of a module-level ``default_args = {...}`` dict literal, or None."""
    for statement in tree.body:
        if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name) and statement.targets[0].id == "default_args"
                and isinstance(statement.value, ast.Dict)):
            for key, value in zip(statement.value.keys, statement.value.values):
                if isinstance(key, ast.Constant) and key.value == "retries":
                    return ast.literal_eval(value)
    return None


def operator(call, retries):
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    found = {name: string_value(keywords[name]) for name in STRING_KEYWORDS if name in keywords}
    args = keywords.get("application_args")
    if not isinstance(args, ast.List):
        raise DagError("line %d: application_args must be a list literal" % call.lineno)
    found["application_args"] = [string_value(element) for element in args.elts]
    own = keywords.get("retries")
    found["retries"] = ast.literal_eval(own) if own is not None else retries
    return found


def inspect(source):
    tree = ast.parse(source)
    retries = default_retries(tree)
    installed, operators = [], []
    for node in ast.walk(tree):
        if is_installed_file(node):
            installed.append(node.args[0].value)
        elif isinstance(node, ast.Call) and call_name(node) == OPERATOR:
            operators.append(operator(node, retries))
    operators.sort(key=lambda o: o.get("task_id", ""))
    return {"installed_files": sorted(set(installed)), "operators": operators}


def main(argv):
    if len(argv) != 2:
        print("usage: check_dag.py DAG_FILE.py", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as dag:
        source = dag.read()
    try:
        report = inspect(source)
    except (DagError, SyntaxError, ValueError) as error:
        print("check_dag: %s: %s" % (argv[1], error), file=sys.stderr)
        return 1
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
