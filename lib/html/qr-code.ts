/**
 * A QR code as inline SVG (the `qrcode` package draws it on the server: no image request, no
 * client script, sharp when printed), given to React as `Html` (components/HtmlBlock.tsx). The
 * package's SVG is markup we did not write, so it is checked against the only shape it has — an
 * `<svg>` of two `<path>`s whose drawings are path commands and numbers — before it may be shown:
 * nothing of the encoded value appears in it as text (qr-code.test.ts).
 */
import QRCode from "qrcode";
import { rendered, type Html } from "./html";

const QR_SVG =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" shape-rendering="crispEdges">(<path (fill|stroke)="#[0-9a-f]{6}" d="[MmHhVvZz0-9. ]+"\/>){1,2}<\/svg>\n?$/;

/** `svg` as `Html` if it has the shape `qrcode` draws; throws otherwise. */
export function checkedQrSvg(svg: string): Html {
  if (!QR_SVG.test(svg)) throw new TypeError("Not a QR code drawn by qrcode: refused.");
  return rendered(svg);
}

export async function qrCodeSvg(value: string): Promise<Html> {
  return checkedQrSvg(await QRCode.toString(value, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
}
