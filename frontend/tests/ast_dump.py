"""Mirror of frontend/tests/common/dump.rs over CPython's ast: prints one dump per file given."""
import ast, struct, sys

OPS = {ast.Add: "Add", ast.Sub: "Sub", ast.Mult: "Mul", ast.Div: "TrueDiv", ast.FloorDiv: "FloorDiv", ast.Mod: "Mod",
       ast.Pow: "Pow", ast.LShift: "LShift", ast.RShift: "RShift", ast.BitAnd: "BitAnd", ast.BitOr: "BitOr",
       ast.BitXor: "BitXor", ast.USub: "Neg", ast.UAdd: "Pos", ast.Invert: "Invert", ast.Not: "Not", ast.And: "And",
       ast.Or: "Or", ast.Eq: "Eq", ast.NotEq: "NotEq", ast.Lt: "Lt", ast.LtE: "LtE", ast.Gt: "Gt", ast.GtE: "GtE",
       ast.Is: "Is", ast.IsNot: "IsNot", ast.In: "In", ast.NotIn: "NotIn"}

def op(o): return OPS[type(o)]

def quote(s):
    out = "'"
    for c in s:
        if c == "\\": out += "\\\\"
        elif c == "'": out += "\\'"
        elif " " <= c <= "~": out += c
        else: out += "\\u{%x}" % ord(c)
    return out + "'"

def opt(e): return "_" if e is None else expr(e)
def lst(items): return " ".join(expr(e) for e in items)
def block(body): return "[" + " ".join(stmt(s) for s in body) + "]"

def params(a):
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + a.defaults
    parts = [f"{p.arg}={opt(d)}" for p, d in zip(pos, defaults)]
    parts.append("*" + (a.vararg.arg if a.vararg else "_"))
    parts += [f"{p.arg}={opt(d)}" for p, d in zip(a.kwonlyargs, a.kw_defaults)]
    parts.append("**" + (a.kwarg.arg if a.kwarg else "_"))
    return "(" + " ".join(parts) + ")"

def aliases(names): return " ".join(f"{a.name}:{a.asname or '_'}" for a in names)

def stmt(s):
    t = type(s)
    if t is ast.Expr: return f"(Expr {expr(s.value)})"
    if t is ast.Assign: return f"(Assign {lst(s.targets)} {expr(s.value)})"
    if t is ast.AugAssign: return f"(AugAssign {expr(s.target)} {op(s.op)} {expr(s.value)})"
    if t is ast.AnnAssign: return f"(AnnAssign {expr(s.target)} {expr(s.annotation)} {opt(s.value)})"
    if t is ast.If: return f"(If {expr(s.test)} {block(s.body)} {block(s.orelse)})"
    if t is ast.While: return f"(While {expr(s.test)} {block(s.body)} {block(s.orelse)})"
    if t is ast.For: return f"(For {expr(s.target)} {expr(s.iter)} {block(s.body)} {block(s.orelse)})"
    if t is ast.Break: return "Break"
    if t is ast.Continue: return "Continue"
    if t is ast.Pass: return "Pass"
    if t is ast.Return: return f"(Return {opt(s.value)})"
    if t is ast.Delete: return f"(Delete {lst(s.targets)})"
    if t is ast.Global: return "(Global " + " ".join(s.names) + ")"
    if t is ast.Nonlocal: return "(Nonlocal " + " ".join(s.names) + ")"
    if t is ast.Assert: return f"(Assert {expr(s.test)} {opt(s.msg)})"
    if t is ast.Raise: return f"(Raise {opt(s.exc)} {opt(s.cause)})"
    if t is ast.Try:
        hs = " ".join(f"(except {opt(h.type)} {h.name or '_'} {block(h.body)})" for h in s.handlers)
        return f"(Try {block(s.body)} [{hs}] {block(s.orelse)} {block(s.finalbody)})"
    if t is ast.FunctionDef:
        return f"(Def {s.name} {params(s.args)} {block(s.body)} [{lst(s.decorator_list)}] {opt(s.returns)})"
    if t is ast.ClassDef:
        kws = " ".join(f"{k.arg}={expr(k.value)}" for k in s.keywords)
        return f"(Class {s.name} [{lst(s.bases)}] [{kws}] {block(s.body)} [{lst(s.decorator_list)}])"
    if t is ast.Import: return f"(Import {aliases(s.names)})"
    if t is ast.ImportFrom: return f"(ImportFrom {s.module or ''} {aliases(s.names)} {s.level})"
    raise ValueError(t)

def comps(gens): return " ".join(f"(for {expr(g.target)} {expr(g.iter)} [{lst(g.ifs)}])" for g in gens)

def fparts(values):
    out = []
    for v in values:
        if isinstance(v, ast.Constant): out.append(quote(v.value))
        else:
            conv = "_" if v.conversion == -1 else chr(v.conversion)
            spec = "_" if v.format_spec is None else fparts(v.format_spec.values)
            out.append("{%s !%s :%s}" % (expr(v.value), conv, spec))
    return "(F " + " ".join(out) + ")"

def expr(e):
    t = type(e)
    if t is ast.Constant:
        v = e.value
        if v is True: return "True"
        if v is False: return "False"
        if v is None: return "None"
        if v is Ellipsis: return "..."
        if isinstance(v, int): return str(v)
        if isinstance(v, float): return "f" + struct.pack(">d", v).hex()
        if isinstance(v, str): return quote(v)
        raise ValueError(v)
    if t is ast.JoinedStr: return fparts(e.values)
    if t is ast.Name: return e.id
    if t is ast.BinOp: return f"({op(e.op)} {expr(e.left)} {expr(e.right)})"
    if t is ast.UnaryOp: return f"({op(e.op)} {expr(e.operand)})"
    if t is ast.BoolOp: return f"({op(e.op)} {lst(e.values)})"
    if t is ast.Compare:
        return "(Cmp " + expr(e.left) + "".join(f" {op(o)} {expr(c)}" for o, c in zip(e.ops, e.comparators)) + ")"
    if t is ast.Call:
        args = [("*" + expr(a.value)) if isinstance(a, ast.Starred) else expr(a) for a in e.args]
        args += [(f"{k.arg}={expr(k.value)}" if k.arg else "**" + expr(k.value)) for k in e.keywords]
        return f"(Call {expr(e.func)} {' '.join(args)})"
    if t is ast.Attribute: return f"(. {expr(e.value)} {e.attr})"
    if t is ast.Subscript: return f"([] {expr(e.value)} {expr(e.slice)})"
    if t is ast.Slice: return f"(Slice {opt(e.lower)} {opt(e.upper)} {opt(e.step)})"
    if t is ast.List: return f"[{lst(e.elts)}]"
    if t is ast.Tuple: return f"(Tuple {lst(e.elts)})"
    if t is ast.Dict: return "{" + " ".join(f"{opt(k)}:{expr(v)}" for k, v in zip(e.keys, e.values)) + "}"
    if t is ast.Set: return f"(Set {lst(e.elts)})"
    if t is ast.Starred: return "*" + expr(e.value)
    if t is ast.Lambda: return f"(Lambda {params(e.args)} {expr(e.body)})"
    if t is ast.IfExp: return f"(IfExp {expr(e.test)} {expr(e.body)} {expr(e.orelse)})"
    if t is ast.ListComp: return f"(ListComp {expr(e.elt)} {comps(e.generators)})"
    if t is ast.SetComp: return f"(SetComp {expr(e.elt)} {comps(e.generators)})"
    if t is ast.DictComp: return f"(DictComp {expr(e.key)} {expr(e.value)} {comps(e.generators)})"
    if t is ast.GeneratorExp: return f"(GenExp {expr(e.elt)} {comps(e.generators)})"
    if t is ast.Yield: return f"(Yield {opt(e.value)})"
    if t is ast.YieldFrom: return f"(YieldFrom {expr(e.value)})"
    raise ValueError(t)

if __name__ == "__main__":
    for path in sys.argv[1:]:
        try:
            with open(path, encoding="utf-8") as f:
                print(block(ast.parse(f.read()).body))
        except (SyntaxError, ValueError, KeyError) as e:
            # Outside the subset (or not Python at all): nothing to compare.
            print("SKIP", type(e).__name__)
