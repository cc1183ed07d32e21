/**
 * A QR code as inline SVG, drawn on the server (lib/html/qr-code.ts: the `qrcode` package's SVG,
 * checked): no image request, no client script, sharp when printed.
 */
import { HtmlBlock } from "@/components/HtmlBlock";
import { qrCodeSvg } from "@/lib/html/qr-code";

export async function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const svg = await qrCodeSvg(value);
  return <HtmlBlock html={svg} className={className} role="img" aria-label={label} data-qr-value={value} />;
}
