//! Checks on assignment, `for`, `del` and augmented-assignment targets, with CPython's messages.

use crate::ast::{Expr, ExprKind};
use crate::parser::{PResult, Parser};

/// Where a target appears; it decides the wording of errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TargetContext {
    /// `target = value` (CPython adds a hint about `==` for some targets).
    Assign,
    /// `for target in` (also comprehension targets).
    For,
    /// `del target`.
    Del,
}

impl Parser {
    /// Fails unless `target` can be assigned to (or deleted) in `ctx`.
    pub(crate) fn check_target(&self, target: &Expr, ctx: TargetContext) -> PResult<()> {
        if let ExprKind::Starred(_) = target.kind {
            if ctx == TargetContext::Del {
                return Err(self.error_at("cannot delete starred", target.pos));
            }
            return Err(self.error_at(
                "starred assignment target must be in a list or tuple",
                target.pos,
            ));
        }
        self.check_target_inner(target, ctx)
    }

    fn check_target_inner(&self, target: &Expr, ctx: TargetContext) -> PResult<()> {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let starred = items
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                    .count();
                if starred > 1 && ctx != TargetContext::Del {
                    return Err(
                        self.error_at("multiple starred expressions in assignment", target.pos)
                    );
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => {
                            if ctx == TargetContext::Del {
                                return Err(self.error_at("cannot delete starred", item.pos));
                            }
                            self.check_target_inner(inner, ctx)?;
                        }
                        _ => self.check_target_inner(item, ctx)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => {
                Err(self.error_at("cannot use starred expression here", target.pos))
            }
            other => {
                let (what, hint) = describe(other);
                let msg = match ctx {
                    TargetContext::Del => format!("cannot delete {what}"),
                    TargetContext::Assign if hint => {
                        format!(
                            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                        )
                    }
                    _ => format!("cannot assign to {what}"),
                };
                Err(self.error_at(msg, target.pos))
            }
        }
    }

    /// Fails unless `target` is a single name, attribute or subscript (augmented assignment).
    pub(crate) fn check_aug_target(&self, target: &Expr) -> PResult<()> {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            other => {
                let what = match other {
                    ExprKind::Tuple(_) => "tuple",
                    ExprKind::List(_) => "list",
                    ExprKind::Starred(_) => "starred",
                    _ => describe(other).0,
                };
                Err(self.error_at(
                    format!("'{what}' is an illegal expression for augmented assignment"),
                    target.pos,
                ))
            }
        }
    }

    /// Fails unless `target` may carry an annotation (`x: int`, `a.b: int`, `a[i]: int`).
    pub(crate) fn check_annotated_target(&self, target: &Expr) -> PResult<()> {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(_) => Err(self.error_at(
                "only single target (not tuple) can be annotated",
                target.pos,
            )),
            ExprKind::List(_) => {
                Err(self.error_at("only single target (not list) can be annotated", target.pos))
            }
            _ => Err(self.error_at("illegal target for annotation", target.pos)),
        }
    }
}

/// CPython's name for an expression that is not a valid target, and whether
/// its assignment error carries the "Maybe you meant '=='" hint.
fn describe(kind: &ExprKind) -> (&'static str, bool) {
    match kind {
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => ("literal", true),
        ExprKind::Bool(true) => ("True", false),
        ExprKind::Bool(false) => ("False", false),
        ExprKind::None => ("None", false),
        ExprKind::Ellipsis => ("ellipsis", true),
        ExprKind::FString(_) => ("f-string expression", true),
        ExprKind::Call { .. } => ("function call", true),
        ExprKind::Compare { .. } => ("comparison", false),
        ExprKind::BoolOp { .. } => ("expression", false),
        ExprKind::Lambda(_) => ("lambda", false),
        ExprKind::IfExp { .. } => ("conditional expression", false),
        ExprKind::Dict(_) => ("dict literal", true),
        ExprKind::Set(_) => ("set display", true),
        ExprKind::ListComp { .. } => ("list comprehension", true),
        ExprKind::SetComp { .. } => ("set comprehension", true),
        ExprKind::DictComp { .. } => ("dict comprehension", true),
        ExprKind::GeneratorExp { .. } => ("generator expression", true),
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => ("yield expression", true),
        _ => ("expression", true),
    }
}
