//! Drawing warm-up curves into an SVG file with `plotters` (its SVG backend
//! only: text goes into the file as `<text>`, so no system fonts are needed).
//!
//! All panels share the time axis (seconds since the main loop started): on
//! top one panel per mode with each iteration's time, drawn as a step (a flat
//! segment from the iteration's start to its end, log scale, the same scale
//! in every panel), so a pause shows as a wide, tall block; below, all modes
//! together, the iterations completed so far, where a pause is a flat stretch
//! and speed is slope: "slow, standstill, fast" against "slow, unnoticeable
//! pause, faster, fast".

use crate::warmup::Curve;
use plotters::prelude::*;
use std::path::Path;

/// Width of the SVG in pixels.
const WIDTH: u32 = 1000;
/// Height of each mode's iteration-time panel.
const PANEL_HEIGHT: u32 = 170;
/// Height of the iterations-done panel.
const PROGRESS_HEIGHT: u32 = 330;
/// Height of the title.
const TITLE_HEIGHT: u32 = 40;

/// The colour of a mode's curve: fixed for the four standard modes, so every
/// SVG reads the same, then a palette for extra modes.
pub fn mode_color(mode: &str, index: usize) -> RGBColor {
    match mode {
        "jit=off" => RGBColor(127, 127, 127),
        "jit=raw" => RGBColor(31, 119, 180),
        "jit=full" => RGBColor(44, 160, 44),
        "jit=sync" => RGBColor(214, 39, 40),
        _ => {
            const EXTRA: [RGBColor; 4] = [
                RGBColor(148, 103, 189),
                RGBColor(255, 127, 14),
                RGBColor(140, 86, 75),
                RGBColor(227, 119, 194),
            ];
            EXTRA[index % EXTRA.len()]
        }
    }
}

/// The step outline of a curve: (time, milliseconds) corners, each iteration
/// a flat segment from its start to its end.
pub fn step_points(curve: &Curve) -> Vec<(f64, f64)> {
    let start = curve.stamps.first().copied().unwrap_or(0.0);
    let mut points = Vec::new();
    for w in curve.stamps.windows(2) {
        let ms = (w[1] - w[0]) * 1000.0;
        points.push((w[0] - start, ms));
        points.push((w[1] - start, ms));
    }
    points
}

/// The iterations completed over time: (end time, count) from (0, 0).
pub fn progress_points(curve: &Curve) -> Vec<(f64, f64)> {
    let mut points = vec![(0.0, 0.0)];
    points.extend(
        curve
            .end_secs()
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, (i + 1) as f64)),
    );
    points
}

/// Draws `curves` into a new SVG at `path` under the heading `title`.
pub fn draw_curves(path: &Path, title: &str, curves: &[Curve]) -> Result<(), String> {
    draw(path, title, curves).map_err(|e| format!("cannot draw {}: {e}", path.display()))
}

fn draw(path: &Path, title: &str, curves: &[Curve]) -> Result<(), Box<dyn std::error::Error>> {
    let steps: Vec<Vec<(f64, f64)>> = curves.iter().map(step_points).collect();
    let x_max = curves
        .iter()
        .map(Curve::total_secs)
        .fold(0.0, f64::max)
        .max(1e-6)
        * 1.02;
    // Log scale: iteration times span from microseconds (compiled) to whole
    // pauses; clamp zero-length iterations to the axis floor. Every panel
    // has the same axes, so the modes compare at a glance.
    let all_ms = steps.iter().flatten().map(|p| p.1);
    let y_top = all_ms.clone().fold(1e-3, f64::max) * 1.5;
    let y_floor = all_ms
        .filter(|&ms| ms > 0.0)
        .fold(f64::MAX, f64::min)
        .min(y_top)
        / 1.5;
    let y_floor = if y_floor.is_finite() && y_floor > 0.0 {
        y_floor
    } else {
        1e-3
    };
    let iterations = curves
        .iter()
        .map(|c| c.stamps.len().saturating_sub(1))
        .max()
        .unwrap_or(1)
        .max(1) as f64;

    let panels = curves.len().max(1) as u32;
    let height = TITLE_HEIGHT + panels * PANEL_HEIGHT + PROGRESS_HEIGHT;
    let root = SVGBackend::new(path, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let root = root.titled(title, ("sans-serif", 22))?;
    let (top, bottom) = root.split_vertically(panels * PANEL_HEIGHT);

    // One panel per mode: its iteration times as steps, its figures above it.
    for ((i, curve), (area, points)) in curves.iter().enumerate().zip(
        top.split_evenly((curves.len().max(1), 1))
            .iter()
            .zip(&steps),
    ) {
        let color = mode_color(&curve.mode, i);
        let mut chart = ChartBuilder::on(area)
            .caption(
                panel_caption(curve),
                ("sans-serif", 14).into_font().color(&color),
            )
            .margin(6)
            .x_label_area_size(22)
            .y_label_area_size(70)
            .build_cartesian_2d(0f64..x_max, (y_floor..y_top).log_scale())?;
        chart
            .configure_mesh()
            .y_desc("ms per iteration")
            .y_label_formatter(&|ms| format!("{ms}"))
            .y_labels(4)
            .draw()?;
        let clamped = points.iter().map(|&(t, ms)| (t, ms.max(y_floor)));
        chart.draw_series(LineSeries::new(clamped, color.stroke_width(2)))?;
    }

    let mut chart = ChartBuilder::on(&bottom)
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(70)
        .build_cartesian_2d(0f64..x_max, 0f64..iterations * 1.05)?;
    chart
        .configure_mesh()
        .x_desc("seconds since the main loop started")
        .y_desc("iterations done")
        .y_label_formatter(&|n| format!("{n:.0}"))
        .draw()?;
    for (i, curve) in curves.iter().enumerate() {
        let color = mode_color(&curve.mode, i);
        chart
            .draw_series(LineSeries::new(
                progress_points(curve),
                color.stroke_width(2),
            ))?
            .label(curve.mode.clone())
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(3))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    root.present()?;
    Ok(())
}

/// The heading of a mode's panel: its name and figures.
pub fn panel_caption(curve: &Curve) -> String {
    let pause = curve
        .max_pause_ms
        .map_or(String::new(), |ms| format!(", max JIT pause {ms:.2} ms"));
    match curve.summary() {
        Some(s) => format!(
            "{}: total {:.3} s, slowest {:.2} ms, steady {:.3} ms{pause}",
            curve.mode,
            s.total,
            s.slowest * 1000.0,
            s.steady * 1000.0
        ),
        None => curve.mode.clone(),
    }
}
