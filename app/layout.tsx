import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import localFont from "next/font/local";
import "@fontsource-variable/inter";
import { RouteFocus } from "@/components/shell/route-focus";
import "./globals.css";

// Inter's Latin subset through next/font: preloaded with the page, and with a fallback font sized
// to match it, so text does not reflow when it arrives (it did: a cumulative layout shift of 0.14
// on a long page). fontsource's @font-face rules stay behind it for the other scripts.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "GapMap", template: "%s · GapMap" },
  description: "Measure whether an organisation is ready to take AI from pilot into production.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d41b8" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        <RouteFocus />
        {children}
      </body>
    </html>
  );
}
