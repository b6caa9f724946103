"use client";

import { Text } from "recharts";

// Category labels wrap onto several lines instead of being cut off on a phone.
export function WrappedTick({
  x,
  y,
  payload,
  width = 110,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string | number };
  width?: number;
}) {
  return (
    <Text
      x={Number(x ?? 0) - 4}
      y={Number(y ?? 0)}
      width={width}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={11}
      fill="#334155"
      maxLines={4}
    >
      {String(payload?.value ?? "")}
    </Text>
  );
}

/** The category axis of the horizontal bar charts: one row per dimension, labels wrapped. */
export const dimensionAxisProps = {
  type: "category",
  dataKey: "name",
  width: 126,
  tick: <WrappedTick width={120} />,
  interval: 0,
} as const;
