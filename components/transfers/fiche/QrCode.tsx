/**
 * A QR code as inline SVG, drawn on the server (the `qrcode` package): no image request, no
 * client script, sharp when printed.
 */
import QRCode from "qrcode";

export async function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const svg = await QRCode.toString(value, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return <div role="img" aria-label={label} className={className} data-qr-value={value} dangerouslySetInnerHTML={{ __html: svg }} />;
}
