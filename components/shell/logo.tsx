import Link from "next/link";
import { cn } from "@/components/ui/cn";

export function Logo({ className }: { className?: string }) {
  return (
    <Link
      href="/"
      className={cn("inline-flex items-center gap-2 font-semibold text-slate-900", className)}
    >
      <svg aria-hidden viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path
          d="M8 22 L14 14 L18 18 L24 9"
          stroke="white"
          strokeWidth="3"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="24" cy="9" r="2.5" fill="white" />
      </svg>
      <span className="text-lg tracking-tight">GapMap</span>
    </Link>
  );
}
