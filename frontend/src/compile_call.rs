//! Call and function-creation compilation: calls (plain, keyword, method,
//! `*`/`**`), `def`/`lambda` function objects with their defaults, and
//! comprehensions (compiled as nested functions called at once, like CPython 3.11).

use crate::ast::*;
use crate::bytecode::*;
use crate::compiler::{CompKind, FnCompiler};
use crate::error::CompileError;

type CResult<T> = Result<T, CompileError>;

impl<'a> FnCompiler<'a> {
    // ------------------------------------------------------------ calls

    /// A register to place a call's callee in: `dst` itself when it is the
    /// topmost temporary (the result then lands in place), else a new temporary.
    fn call_base(&mut self, dst: Reg) -> CResult<Reg> {
        if self.is_top_temp(dst) {
            Ok(dst)
        } else {
            self.alloc()
        }
    }

    /// `func(args)`, `obj.m(args)`, with keywords and `*`/`**` arguments.
    pub(crate) fn call(&mut self, func: &'a Expr, args: &'a [Arg], dst: Reg) -> CResult<()> {
        let base = self.call_base(dst)?;
        let starred = args
            .iter()
            .any(|a| matches!(a, Arg::Starred(_) | Arg::DoubleStarred(_)));
        let mut seen = Vec::new();
        for a in args {
            if let Arg::Keyword(k, v) = a {
                if seen.contains(&k) {
                    return Err(self.syntax_err(format!("keyword argument repeated: {k}"), v.pos));
                }
                seen.push(k);
            }
        }
        if starred {
            self.expr_into(func, base)?;
            self.call_ex_args(args, base)?;
            self.emit(Op::CallEx { func: base });
        } else if let ExprKind::Attribute { value, attr } = &func.kind {
            // Method call: LoadMethod leaves function and self in base, base+1.
            let obj = self.alloc()?;
            let obj_reg = match &value.kind {
                ExprKind::Name(n) if self.plain_local(n).is_some() => self.expr(value)?,
                _ => {
                    self.expr_into(value, obj)?;
                    obj
                }
            };
            let name = self.name_idx(attr)?;
            let saved = self.line;
            self.line = func.pos.line;
            self.emit(Op::LoadMethod {
                dst: base,
                obj: obj_reg,
                name,
            });
            self.line = saved;
            let (argc, kwnames) = self.plain_args(args)?;
            match kwnames {
                Some(kwnames) => self.emit(Op::CallMethodKw {
                    func: base,
                    argc,
                    kwnames,
                }),
                None => self.emit(Op::CallMethod { func: base, argc }),
            };
        } else {
            self.expr_into(func, base)?;
            let (argc, kwnames) = self.plain_args(args)?;
            match kwnames {
                Some(kwnames) => self.emit(Op::CallKw {
                    func: base,
                    argc,
                    kwnames,
                }),
                None => self.emit(Op::Call { func: base, argc }),
            };
        }
        self.mov(dst, base);
        Ok(())
    }

    /// Positional then keyword argument values into the next consecutive
    /// temporaries; returns the count and the keyword-names constant.
    fn plain_args(&mut self, args: &'a [Arg]) -> CResult<(u16, Option<u16>)> {
        let mut names = Vec::new();
        let mut argc = 0u16;
        for a in args {
            if let Arg::Positional(v) = a {
                let r = self.alloc()?;
                self.expr_into(v, r)?;
                argc += 1;
            }
        }
        for a in args {
            if let Arg::Keyword(k, v) = a {
                let r = self.alloc()?;
                self.expr_into(v, r)?;
                names.push(Const::Str(k.clone()));
                argc += 1;
            }
        }
        let kwnames = if names.is_empty() {
            None
        } else {
            Some(self.const_idx16(Const::Tuple(names))?)
        };
        Ok((argc, kwnames))
    }

    /// Builds the positional tuple in `base+1` and the keyword dict (or None) in
    /// `base+2` for `CallEx`.
    fn call_ex_args(&mut self, args: &'a [Arg], base: Reg) -> CResult<()> {
        let tuple = self.alloc()?;
        let kwargs = self.alloc()?;
        debug_assert_eq!(tuple, base + 1);
        let positional: Vec<&'a Expr> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Positional(v) | Arg::Starred(v) => Some(v),
                _ => None,
            })
            .collect();
        let any_star = args.iter().any(|a| matches!(a, Arg::Starred(_)));
        if !any_star {
            let start = self.next_temp as Reg;
            for v in &positional {
                let r = self.alloc()?;
                self.expr_into(v, r)?;
            }
            self.emit(Op::BuildTuple {
                dst: tuple,
                start,
                count: positional.len() as u16,
            });
            self.release(start as u32);
        } else {
            // Leading plain arguments in one BuildList, then extend/append.
            let mut iter = args
                .iter()
                .filter(|a| matches!(a, Arg::Positional(_) | Arg::Starred(_)))
                .peekable();
            let start = self.next_temp as Reg;
            let mut count = 0;
            while let Some(Arg::Positional(v)) = iter.peek() {
                let r = self.alloc()?;
                self.expr_into(v, r)?;
                count += 1;
                iter.next();
            }
            self.emit(Op::BuildList {
                dst: tuple,
                start,
                count,
            });
            self.release(start as u32);
            for a in iter {
                let mark = self.next_temp;
                match a {
                    Arg::Starred(v) => {
                        let r = self.expr(v)?;
                        self.emit(Op::ListExtend {
                            list: tuple,
                            src: r,
                        });
                    }
                    Arg::Positional(v) => {
                        let r = self.expr(v)?;
                        self.emit(Op::ListAppend {
                            list: tuple,
                            src: r,
                        });
                    }
                    _ => {}
                }
                self.release(mark);
            }
            self.emit(Op::ListToTuple {
                dst: tuple,
                src: tuple,
            });
        }
        let has_kw = args
            .iter()
            .any(|a| matches!(a, Arg::Keyword(..) | Arg::DoubleStarred(_)));
        if !has_kw {
            self.emit(Op::LoadNone { dst: kwargs });
            return Ok(());
        }
        self.emit(Op::BuildDict {
            dst: kwargs,
            start: kwargs,
            count: 0,
        });
        for a in args {
            let mark = self.next_temp;
            match a {
                Arg::Keyword(k, v) => {
                    let key = self.alloc_n(2)?;
                    self.load_const(Const::Str(k.clone()), key)?;
                    self.expr_into(v, key + 1)?;
                    self.emit(Op::DictInsert { dict: kwargs, key });
                }
                Arg::DoubleStarred(v) => {
                    let r = self.expr(v)?;
                    self.emit(Op::DictUpdate {
                        dict: kwargs,
                        src: r,
                        merge: 1,
                    });
                }
                _ => {}
            }
            self.release(mark);
        }
        Ok(())
    }

    // ------------------------------------------------------------ functions and comprehensions

    /// Creates the function for `def` (defaults evaluated here) into `dst`.
    pub(crate) fn make_function(&mut self, def: &'a FunctionDef, dst: Reg) -> CResult<()> {
        let f = if self.is_top_temp(dst) {
            self.alloc()?;
            dst
        } else {
            self.alloc_n(2)?
        };
        let defaults: Vec<&'a Expr> = def
            .params
            .args
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if defaults.is_empty() {
            self.emit(Op::LoadNone { dst: f });
        } else {
            let start = self.alloc_n(defaults.len())?;
            for (i, d) in defaults.iter().enumerate() {
                self.expr_into(d, start + i as Reg)?;
            }
            self.emit(Op::BuildTuple {
                dst: f,
                start,
                count: defaults.len() as u16,
            });
            self.release(start as u32);
        }
        let kwdefaults: Vec<(&'a str, &'a Expr)> = def
            .params
            .kwonly
            .iter()
            .filter_map(|p| p.default.as_ref().map(|d| (p.name.as_str(), d)))
            .collect();
        if kwdefaults.is_empty() {
            self.emit(Op::LoadNone { dst: f + 1 });
        } else {
            let start = self.alloc_n(kwdefaults.len() * 2)?;
            for (i, (name, d)) in kwdefaults.iter().enumerate() {
                let k = start + 2 * i as Reg;
                self.load_const(Const::Str(name.to_string()), k)?;
                self.expr_into(d, k + 1)?;
            }
            self.emit(Op::BuildDict {
                dst: f + 1,
                start,
                count: kwdefaults.len() as u16,
            });
            self.release(start as u32);
        }
        let code = self.function_code(def)?;
        let saved = self.line;
        self.line = def.pos.line;
        self.emit(Op::MakeFunction { dst: f, code });
        self.line = saved;
        self.mov(dst, f);
        Ok(())
    }

    /// A comprehension: make the function, call it on `iter(first iterable)`.
    pub(crate) fn comprehension(
        &mut self,
        node: &'a Expr,
        kind: CompKind<'a>,
        gens: &'a [Comprehension],
        dst: Reg,
    ) -> CResult<()> {
        let Some(first) = gens.first() else {
            return Err(self.syntax_err("comprehension without 'for'", node.pos));
        };
        let code = self.comprehension_code(node, kind, gens)?;
        let base = self.call_base(dst)?;
        let arg = self.alloc()?;
        self.emit(Op::LoadNone { dst: base });
        self.emit(Op::LoadNone { dst: arg });
        self.emit(Op::MakeFunction { dst: base, code });
        let it = self.expr(&first.iter)?;
        self.emit(Op::GetIter { dst: arg, src: it });
        self.emit(Op::Call {
            func: base,
            argc: 1,
        });
        self.mov(dst, base);
        Ok(())
    }

    /// The body of a comprehension function (slot 0 holds the first iterator).
    pub(crate) fn comprehension_body(
        &mut self,
        kind: CompKind<'a>,
        gens: &'a [Comprehension],
    ) -> CResult<()> {
        let acc = self.alloc()?;
        match kind {
            CompKind::List(_) => self.emit(Op::BuildList {
                dst: acc,
                start: acc,
                count: 0,
            }),
            CompKind::Set(_) => self.emit(Op::BuildSet {
                dst: acc,
                start: acc,
                count: 0,
            }),
            CompKind::Dict(..) => self.emit(Op::BuildDict {
                dst: acc,
                start: acc,
                count: 0,
            }),
            CompKind::Gen(_) => self.emit(Op::LoadNone { dst: acc }),
        };
        self.comprehension_loop(kind, gens, 0, acc)?;
        self.emit(Op::Return { src: acc });
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        kind: CompKind<'a>,
        gens: &'a [Comprehension],
        i: usize,
        acc: Reg,
    ) -> CResult<()> {
        let g = &gens[i];
        let mark = self.next_temp;
        let iter = self.alloc_n(2)?;
        let saved = self.line;
        self.line = g.iter.pos.line;
        if i == 0 {
            self.emit(Op::Move { dst: iter, src: 0 });
        } else {
            let src = self.expr(&g.iter)?;
            self.emit(Op::GetIter { dst: iter, src });
        }
        self.forget_deletable();
        let head = self.pc();
        let for_iter = self.emit(Op::ForIter { iter, exit: 0 });
        self.line = saved;
        let flow = self.flow.clone();
        self.store_target(&g.target, iter + 1, false)?;
        let mut skip = Vec::new();
        for cond in &g.ifs {
            self.jump_if(cond, false, &mut skip)?;
        }
        if i + 1 < gens.len() {
            self.comprehension_loop(kind, gens, i + 1, acc)?;
        } else {
            let m = self.next_temp;
            match kind {
                CompKind::List(e) => {
                    let r = self.expr(e)?;
                    self.emit(Op::ListAppend { list: acc, src: r });
                }
                CompKind::Set(e) => {
                    let r = self.expr(e)?;
                    self.emit(Op::SetAdd { set: acc, src: r });
                }
                CompKind::Dict(k, v) => {
                    let key = self.alloc_n(2)?;
                    self.expr_into(k, key)?;
                    self.expr_into(v, key + 1)?;
                    self.emit(Op::DictInsert { dict: acc, key });
                }
                CompKind::Gen(e) => {
                    let r = self.expr(e)?;
                    let sent = self.alloc()?;
                    self.emit(Op::Yield { dst: sent, src: r });
                }
            }
            self.release(m);
        }
        self.patch_here(&skip);
        self.emit(Op::JumpBack { target: head });
        self.patch_here(&[for_iter]);
        self.flow = flow;
        self.release(mark);
        Ok(())
    }
}
