// All the JavaScript a portal needs: load instrada and enhance every form[data-instrada].
import { start } from './pkg/instrada-widget.js';

start();
