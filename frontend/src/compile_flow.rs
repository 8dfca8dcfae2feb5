//! Exception handling and non-local exits: `try`/`except`/`else`/`finally`,
//! exception-table regions, and unwinding for `break`/`continue`/`return`
//! (finally bodies are copied inline before the jump, as in CPython 3.11).
//!
//! Layout of `try: B except E as e: H finally: F` (registers `exc`, `save`):
//! ```text
//!       B                      ; protected by the except region and the finally region
//!       <else>                 ; protected by the finally region only
//!       F ; Jump end           ; normal path
//! H0:   PushExcInfo exc, save  ; except dispatch, protected by the cleanup region
//!       ExcMatch / JumpIfFalse ; per clause; the `as` name is unbound afterwards
//!       ... ReraiseValue exc   ; nothing matched
//! C:    PopExcInfo save ; ReraiseValue exc
//! F0:   PushExcInfo exc2, save2 ; F ; PopExcInfo save2 ; ReraiseValue exc2
//! ```

use crate::ast::*;
use crate::bytecode::*;
use crate::compiler::{Block, FnCompiler, Region};
use crate::error::CompileError;

type CResult<T> = Result<T, CompileError>;

impl<'a> FnCompiler<'a> {
    // ------------------------------------------------------------ regions

    /// Starts a protected range whose exceptions land in `exc_slot`.
    pub(crate) fn open_region(&mut self, exc_slot: Reg) -> usize {
        let pc = self.pc();
        self.regions.push(Region {
            segments: Vec::new(),
            open: Some(pc),
            exc_slot,
        });
        self.regions.len() - 1
    }

    /// Ends the current segment of a region (if open).
    pub(crate) fn close_region(&mut self, r: usize) {
        let pc = self.pc();
        let region = &mut self.regions[r];
        if let Some(start) = region.open.take() {
            if start < pc {
                region.segments.push((start, pc));
            }
        }
    }

    fn reopen_region(&mut self, r: usize) {
        let pc = self.pc();
        self.regions[r].open = Some(pc);
    }

    /// Closes the region and adds its segments to the exception table with the
    /// handler at the current position. Called after every inner region is
    /// finished, so inner entries precede outer ones.
    fn finish_region(&mut self, r: usize) {
        self.close_region(r);
        let handler = self.pc();
        let region = &self.regions[r];
        for &(start, end) in &region.segments {
            self.code.handlers.push(ExcHandler {
                start,
                end,
                handler,
                exc_slot: region.exc_slot,
            });
        }
    }

    // ------------------------------------------------------------ unwinding

    /// Leaves every block from `depth` up (innermost first): ends protected
    /// ranges, restores handled exceptions, unbinds `except` names and runs
    /// finally bodies inline; then emits the exit with `exit` and reopens the
    /// ranges after it. Returns what `exit` returned (the jump's index).
    pub(crate) fn unwind(
        &mut self,
        depth: usize,
        exit: impl FnOnce(&mut Self) -> CResult<usize>,
    ) -> CResult<usize> {
        let mut closed = Vec::new();
        let saved_line = (self.line, self.col);
        for i in (depth..self.blocks.len()).rev() {
            match self.blocks[i].clone() {
                Block::Loop { .. } => {}
                Block::Protected { region } => {
                    self.close_region(region);
                    closed.push(region);
                }
                Block::Finally { body, region } => {
                    self.close_region(region);
                    closed.push(region);
                    // The finally body runs with only the outer blocks active.
                    let inner = self.blocks.split_off(i);
                    let mark = self.next_temp;
                    let result = self.stmts(body);
                    self.release(mark);
                    self.blocks.extend(inner);
                    result?;
                    (self.line, self.col) = saved_line;
                }
                Block::HandlerCleanup { save, region } => {
                    self.close_region(region);
                    closed.push(region);
                    self.emit(Op::PopExcInfo { save });
                }
                Block::HandlerName { name, region } => {
                    self.close_region(region);
                    closed.push(region);
                    self.clear_name(name)?;
                }
                Block::FinallyExc { save, region } => {
                    self.close_region(region);
                    closed.push(region);
                    self.emit(Op::PopExcInfo { save });
                }
            }
        }
        let j = exit(self)?;
        for r in closed {
            self.reopen_region(r);
        }
        Ok(j)
    }

    /// `name = None; del name` (what CPython does after `except ... as name`).
    fn clear_name(&mut self, name: &str) -> CResult<()> {
        let t = self.alloc()?;
        self.emit(Op::LoadNone { dst: t });
        self.store_name(name, t)?;
        self.delete_name(name)?;
        self.release(t as u32);
        Ok(())
    }

    // ------------------------------------------------------------ try statements

    pub(crate) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> CResult<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let exc = self.alloc()?;
        let save = self.alloc()?;
        let before = self.flow.clone();
        let region = self.open_region(exc);
        self.blocks.push(Block::Finally {
            body: finalbody,
            region,
        });
        if handlers.is_empty() {
            self.stmts(body)?;
            self.stmts(orelse)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.blocks.pop();
        self.close_region(region);
        // Normal path.
        self.stmts(finalbody)?;
        let after = self.flow.clone();
        let end = self.emit(Op::Jump { target: 0 });
        // Exceptional path: run the finally body with the exception being handled, re-raise.
        self.finish_region(region);
        self.flow = before;
        self.forget_deletable();
        self.emit(Op::PushExcInfo { exc, save });
        let cleanup = self.open_region(exc);
        self.blocks.push(Block::FinallyExc {
            save,
            region: cleanup,
        });
        self.stmts(finalbody)?;
        self.blocks.pop();
        self.close_region(cleanup);
        self.emit(Op::PopExcInfo { save });
        self.emit(Op::ReraiseValue { src: exc });
        self.finish_region(cleanup);
        self.emit(Op::PopExcInfo { save });
        self.emit(Op::ReraiseValue { src: exc });
        self.patch_here(&[end]);
        self.flow = after;
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult<()> {
        if let Some(pos) = handlers.iter().rev().skip(1).position(|h| h.typ.is_none()) {
            let h = &handlers[handlers.len() - 2 - pos];
            return Err(self.syntax_err("default 'except:' must be last", h.pos));
        }
        let exc = self.alloc()?;
        let save = self.alloc()?;
        let before = self.flow.clone();
        let region = self.open_region(exc);
        self.blocks.push(Block::Protected { region });
        self.stmts(body)?;
        self.blocks.pop();
        self.close_region(region);
        self.stmts(orelse)?;
        let mut after = self.flow.clone();
        let mut ends = vec![self.emit(Op::Jump { target: 0 })];
        self.finish_region(region);

        // Dispatch: the exception becomes the handled one, clauses are tried in order.
        self.line = handlers.first().map_or(self.line, |h| h.pos.line);
        self.emit(Op::PushExcInfo { exc, save });
        let cleanup = self.open_region(exc);
        self.blocks.push(Block::HandlerCleanup {
            save,
            region: cleanup,
        });
        let mut caught_all = false;
        for h in handlers {
            (self.line, self.col) = (h.pos.line, h.pos.col);
            self.flow = before.clone();
            self.forget_deletable();
            let mark = self.next_temp;
            let mut next = Vec::new();
            match &h.typ {
                Some(typ) => {
                    let t = self.expr(typ)?;
                    let m = self.alloc()?;
                    (self.line, self.col) = (h.pos.line, h.pos.col);
                    self.emit(Op::ExcMatch {
                        dst: m,
                        exc,
                        typ: t,
                    });
                    next.push(self.emit(Op::JumpIfFalse { cond: m, target: 0 }));
                }
                None => caught_all = true,
            }
            self.release(mark);
            match &h.name {
                Some(name) => {
                    self.store_name(name, exc)?;
                    let name_region = self.open_region(exc);
                    self.blocks.push(Block::HandlerName {
                        name,
                        region: name_region,
                    });
                    self.stmts(&h.body)?;
                    self.blocks.pop();
                    self.close_region(name_region);
                    self.emit(Op::PopExcInfo { save });
                    self.clear_name(name)?;
                    after.join(&self.flow);
                    ends.push(self.emit(Op::Jump { target: 0 }));
                    // An exception inside the body: unbind the name, then the cleanup region.
                    self.finish_region(name_region);
                    self.clear_name(name)?;
                    self.emit(Op::ReraiseValue { src: exc });
                }
                None => {
                    self.stmts(&h.body)?;
                    self.emit(Op::PopExcInfo { save });
                    after.join(&self.flow);
                    ends.push(self.emit(Op::Jump { target: 0 }));
                }
            }
            self.patch_here(&next);
        }
        if !caught_all {
            self.emit(Op::ReraiseValue { src: exc });
        }
        self.blocks.pop();
        self.finish_region(cleanup);
        self.emit(Op::PopExcInfo { save });
        self.emit(Op::ReraiseValue { src: exc });
        self.patch_here(&ends);
        self.flow = after;
        Ok(())
    }
}
