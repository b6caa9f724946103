"use client";

import dynamic from "next/dynamic";

// recharts (with its dependencies) is most of a dashboard's JavaScript, so the plots load after
// hydration instead of in the first load. Everything else a chart shows (title, summary, legend,
// the "Show as table" twin) is rendered on the server without it. ChartFrame gives the plot a
// fixed height, and the placeholder fills exactly that box, so nothing moves when the plot arrives.

/** Marks a plot still loading: the print button waits until none is left. */
export const PENDING_PLOT_ATTRIBUTE = "data-plot-pending";

function PlotPlaceholder() {
  return (
    <div
      {...{ [PENDING_PLOT_ATTRIBUTE]: "" }}
      className="grid h-full place-items-center rounded-md bg-slate-50 text-xs text-slate-500"
    >
      Drawing the chart…
    </div>
  );
}

/** A plot whose code could not be fetched (offline, or a newer deployment): the table still works. */
function PlotUnavailable() {
  return (
    <div className="grid h-full place-items-center rounded-md bg-slate-50 px-4 text-center text-xs text-slate-600">
      The chart could not be loaded. Use &ldquo;Show as table&rdquo;, or reload the page.
    </div>
  );
}

// next/dynamic wants its options as an object literal at each call. A failed import shows
// PlotUnavailable in the chart's box instead of taking the whole page to the error screen.
export const LazyDimensionsPlot = dynamic(
  () =>
    import("./dimensions-plot").then(
      (m) => m.DimensionsPlot,
      () => PlotUnavailable,
    ),
  { ssr: false, loading: PlotPlaceholder },
);
export const LazyTrendPlot = dynamic(
  () =>
    import("./trend-plot").then(
      (m) => m.TrendPlot,
      () => PlotUnavailable,
    ),
  {
    ssr: false,
    loading: PlotPlaceholder,
  },
);
export const LazyPerceptionPlot = dynamic(
  () =>
    import("./perception-plot").then(
      (m) => m.PerceptionPlot,
      () => PlotUnavailable,
    ),
  { ssr: false, loading: PlotPlaceholder },
);
export const LazyBlindSpotsPlot = dynamic(
  () =>
    import("./blind-spots-plot").then(
      (m) => m.BlindSpotsPlot,
      () => PlotUnavailable,
    ),
  { ssr: false, loading: PlotPlaceholder },
);
export const LazyStageDistributionPlot = dynamic(
  () =>
    import("./stage-distribution-plot").then(
      (m) => m.StageDistributionPlot,
      () => PlotUnavailable,
    ),
  { ssr: false, loading: PlotPlaceholder },
);

/** Resolves when no plot on the page is still loading (or after `timeoutMs`). */
export async function plotsDrawn(timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (document.querySelector(`[${PENDING_PLOT_ATTRIBUTE}]`) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // One more frame so the drawn SVG is laid out before the print snapshot.
  await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
}
