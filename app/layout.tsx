import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "@fontsource-variable/inter";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "GapMap", template: "%s · GapMap" },
  description: "Measure whether an organisation is ready to take AI from pilot into production.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d41b8" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
