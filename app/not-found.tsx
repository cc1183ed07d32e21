import { HtmlBlock } from "@/components/HtmlBlock";
import { notFoundMain } from "@/lib/html/not-found";

export default function NotFound() {
  return <HtmlBlock html={notFoundMain()} />;
}
